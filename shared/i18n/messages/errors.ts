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
} as const satisfies Record<string, Message>
