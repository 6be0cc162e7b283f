/**
 * A role proposed from a scan's file name the moment it is added, before any reading: people name
 * their scans 营业执照.jpg, 法人身份证.jpg, 域名证书.png. It stays a proposal (roleProposed), so the
 * reading may still replace it; a name that says nothing certain proposes nothing.
 */
import type { Case } from '../model/case'

export interface NameProposal {
  readonly role: string
  readonly website?: number
}

/** Keyword → role, most specific first. Source: the file names of the sample and of real cases staff receive. */
const RULES: ReadonlyArray<{ readonly pattern: RegExp; readonly role: string; readonly perWebsite?: boolean }> = [
  { pattern: /承诺书|commitment/i, role: 'commitment-letter' },
  { pattern: /营业执照|执照|统一社会信用|licen[cs]e/i, role: 'sponsor-certificate' },
  { pattern: /域名证书|域名|domain/i, role: 'domain-certificate', perWebsite: true },
  { pattern: /网站负责人|manager/i, role: 'manager-id', perWebsite: true },
  { pattern: /主体负责人|法人|法定代表人|principal/i, role: 'principal-id' },
]

/** The role a file name proposes for this case, or null. */
export function roleFromFileName(file: string, c: Case): NameProposal | null {
  const name = file.split('/').pop() ?? file
  const rule = RULES.find((r) => r.pattern.test(name))
  if (!rule) return null
  // A website's scan goes to the only website; with several, the reading (or the person) decides which.
  if (rule.perWebsite && c.websites.length === 1) return { role: rule.role, website: 0 }
  return { role: rule.role }
}
