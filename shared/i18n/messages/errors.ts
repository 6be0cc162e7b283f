/**
 * Messages for failures that cross the IPC boundary. Kept in their own small file because the
 * sandboxed preload imports it (it may bundle only dependency-free code).
 */
import type { Message } from '../language'

/** Error messages keyed by error code; the envelope carries both languages so any layer can show it. */
export const errorMessages = {
  'error.unknown-channel': ['未知的操作（{channel}），已拒绝。', 'Unknown operation ({channel}); refused.'],
  'error.bad-input': ['请求的数据格式不正确，已拒绝。', 'The request data has the wrong shape; refused.'],
  'error.untrusted-sender': ['请求来源不可信，已拒绝。', 'The request came from an untrusted page; refused.'],
  'error.internal': [
    '程序内部错误，操作未完成。请重试；若仍失败，请联系技术支持。',
    'Internal error; the operation did not complete. Try again, or contact support if it keeps failing.',
  ],
  'error.bad-output': ['程序内部错误：返回的数据格式不正确。', 'Internal error: the result has the wrong shape.'],
  'error.no-bridge': [
    '此页面不在备案材料助手中运行，无法访问案件。',
    'This page is not running inside ICP Prep and cannot reach the cases.',
  ],
  'error.case-not-found': ['找不到这个案件，它可能已被删除或移走。', 'This case was not found; it may have been deleted or moved.'],
  'error.case-invalid': ['案件文件无法打开：{reason}', 'The case file cannot be opened: {reason}'],
  'error.workspace-unusable': ['无法使用这个文件夹作为工作区：{reason}', 'This folder cannot be used as the workspace: {reason}'],
  'error.io': ['读写文件失败：{reason}', 'Reading or writing a file failed: {reason}'],
  // What an operating-system error code means, for error.io's {reason}; other codes are shown as they are.
  'io.ENOENT': ['文件或文件夹不存在', 'the file or folder does not exist'],
  'io.EACCES': ['没有权限（请检查文件或文件夹的权限）', 'permission denied (check the file or folder permissions)'],
  'io.EPERM': ['操作不被允许（文件可能被锁定或没有权限）', 'operation not permitted (the file may be locked or protected)'],
  'io.EROFS': ['该位置是只读的', 'the location is read-only'],
  'io.ENOSPC': ['磁盘空间不足', 'the disk is full'],
  'io.EDQUOT': ['磁盘配额已用完', 'the disk quota is exhausted'],
  'io.EBUSY': ['文件正被其他程序使用', 'the file is in use by another program'],
  'io.EMFILE': ['同时打开的文件过多，请稍后重试', 'too many open files; try again shortly'],
  'io.ENOTDIR': ['路径中的某一级不是文件夹', 'a part of the path is not a folder'],
  'io.EISDIR': ['这是一个文件夹，不是文件', 'this is a folder, not a file'],
  'io.EEXIST': ['同名文件已存在', 'a file of that name already exists'],
  'io.ENAMETOOLONG': ['文件名或路径过长', 'the file name or path is too long'],
  'io.EIO': ['磁盘读写错误', 'a disk input/output error'],
  'error.job-not-found': ['找不到这个任务。', 'This job was not found.'],
  'error.cancelled': ['已取消。', 'Cancelled.'],
  'error.scan-not-found': ['找不到这个扫描件，它可能已被移除。', 'This scan was not found; it may have been removed.'],
  'error.letter-refused': [
    '案件资料有错误，无法生成正确的承诺书。请先按检查结果修改。',
    'The case has errors, so a correct letter cannot be made. Fix the findings first.',
  ],
  'error.export-refused': [
    '还有 {n} 个错误，材料包未导出。请先修改，或明确选择导出“未就绪”的材料包。',
    '{n} errors remain; nothing was exported. Fix them, or explicitly export a package marked NOT ready.',
  ],
  'error.no-export': ['这个案件还没有导出过材料包，或导出的文件已不在原处。', 'This case has no exported package, or the file has moved.'],
  'error.case-changed-on-disk': [
    '案件文件已在其他地方被修改（另一个窗口、命令行或手动编辑），或已无法读取；为免覆盖，本次修改未保存。请重新载入，或将您的版本另存为副本。',
    'The case file was changed elsewhere (another window, the command line or a hand edit), or can no longer be read; to avoid overwriting it, this change was not saved. Reload it, or save your version as a copy.',
  ],
  'error.case-read-only': [
    '此案件由更新版本的备案材料助手写入，只能查看，不能保存。请更新本程序。',
    'This case was written by a newer version of ICP Prep: it can be viewed but not saved. Please update the app.',
  ],
  'error.case-limit': [
    '超出一个案件的数量上限（最多 {max} 个，这次修改后会有 {have} 个），因此未保存。',
    'Past the limit of a case (at most {max}; this change would make {have}), so it was not saved.',
  ],
  'error.snapshot-not-found': ['找不到这个历史版本，或它不是有效的案件。', 'This saved version was not found, or is not a valid case.'],
  'error.status-refused': ['状态未更改：{reason}', 'The status was not changed: {reason}'],
  'error.import-folder': ['无法导入这个文件夹。', 'This folder cannot be imported.'],
  'error.import-too-large': ['要导入的文件或案件太多。', 'Too many files or cases to import at once.'],
  'error.import-plan-unknown': [
    '这份导入预览已失效（程序重启过，或文件已变）。请重新选择文件夹。',
    'This import preview is no longer valid (the app restarted, or the files changed). Choose the folder again.',
  ],
  'error.import-plan-invalid': ['导入预览有问题：{reason}', 'The import preview has a problem: {reason}'],
} as const satisfies Record<string, Message>
