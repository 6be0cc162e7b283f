/**
 * The tool name and version written into every package, so a manifest can always be traced to the
 * release (and thus the rule data) that produced it.
 */
import pkg from '../../../package.json' with { type: 'json' }

export const TOOL_NAME: string = pkg.name
export const TOOL_VERSION: string = pkg.version
