/**
 * The tool name and version written into every package, so a manifest can always be traced to the
 * release (and thus the rule data) that produced it.
 */
import pkg from '../../../package.json' with { type: 'json' }

/** The package name, as written into manifests. */
export const TOOL_NAME: string = pkg.name
/** The release, so a manifest names the rule data it was checked with. */
export const TOOL_VERSION: string = pkg.version
