/** The case list and what happens to cases (create, duplicate, delete, workspace). */
import type { Message } from '../language'

export const caseListMessages = {
  'cases.title': ['备案案件', 'Filing cases'],
  'cases.subtitle': ['共 {n} 个案件', 'Cases: {n}'],
  'cases.new': ['新建案件', 'New case'],
  'cases.search': ['搜索主办单位名称、统一社会信用代码或域名', 'Search by sponsor name, credit code or domain'],
  'cases.col.sponsor': ['主办单位', 'Sponsor'],
  'cases.col.code': ['证件号码', 'Certificate no.'],
  'cases.col.province': ['省份', 'Province'],
  'cases.col.filingType': ['备案类型', 'Filing type'],
  'cases.col.websites': ['网站域名', 'Domains'],
  'cases.col.status': ['状态', 'Status'],
  'cases.col.problems': ['问题', 'Problems'],
  'cases.col.updated': ['最后修改', 'Last change'],
  'cases.col.actions': ['操作', 'Actions'],
  'cases.unnamed': ['未命名案件', 'Untitled case'],
  'cases.moreDomains': ['等 {n} 个', '+{n} more'],
  'cases.broken': ['无法读取此案件', 'This case cannot be read'],
  'cases.empty.title': ['工作区中还没有案件', 'No cases in this workspace yet'],
  'cases.empty.body': [
    '每个案件保存为工作区中的一个文件夹（case.json 和扫描件），修改即时保存。',
    'Each case is a folder in the workspace (case.json and its scans); every edit is saved at once.',
  ],
  'cases.noMatch': ['没有符合条件的案件', 'No cases match'],
  'cases.clearFilter': ['清除筛选', 'Clear the filter'],
  'cases.duplicated': ['已复制为新案件', 'Duplicated as a new case'],
  'cases.deleted': ['案件已移到废纸篓', 'The case was moved to the trash'],
  'cases.created': ['已新建案件', 'A new case was created'],
  'delete.title': ['删除案件？', 'Delete this case?'],
  'delete.body': [
    '“{name}”的案件文件夹（含全部扫描件）将移到系统废纸篓，可以从废纸篓中恢复。',
    'The case folder of "{name}" (with all its scans) will be moved to the system trash, from where it can be restored.',
  ],
  'delete.confirm': ['移到废纸篓', 'Move to trash'],
  'workspace.changed': ['工作区已更改', 'The workspace was changed'],
} as const satisfies Record<string, Message>
