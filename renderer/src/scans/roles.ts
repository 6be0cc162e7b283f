/**
 * The roles a scan can fill, from the same data file the rules and the packager read, in the order
 * of the upload forms; whether a role belongs to one website.
 */
import documentRolesData from '../../../shared/data/document-roles.json' with { type: 'json' }
import type { Language } from '../../../shared/i18n/language'

/** A role the user can choose for a scan. */
export interface RoleOption {
  readonly value: string
  readonly label: string
  readonly website: boolean
}

/** Every role, labelled in the interface language. */
export function roleOptions(language: Language): RoleOption[] {
  return documentRolesData.roles.map((r) => ({
    value: r.role,
    label: language === 'en' ? r.labelEn.charAt(0).toUpperCase() + r.labelEn.slice(1) : r.label,
    website: r.scope === 'website',
  }))
}

/** True for roles that belong to one website (manager ID, domain certificate …). */
export { isWebsiteRole } from '../../../shared/model/documents'
