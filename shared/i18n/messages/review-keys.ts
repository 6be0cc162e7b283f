/** Keyboard shortcuts of the review, the page preview's zoom and card view, the folding checks panel. */
import type { Message } from '../language'

export const reviewKeysMessages = {
  'checks.fold': ['收起检查结果', 'Hide the checks'],
  'checks.unfold': ['展开检查结果', 'Show the checks'],
  'checks.railCounts': ['{errors} 个错误，{warnings} 个警告', '{errors} errors, {warnings} warnings'],
  'keys.title': ['快捷键', 'Keyboard shortcuts'],
  'keys.accept': ['采用当前值', 'Accept the current value'],
  'keys.acceptAll': ['全部采用', 'Accept all'],
  'keys.nextValue': ['下一个值', 'Next value'],
  'keys.previousValue': ['上一个值', 'Previous value'],
  'keys.nextScan': ['下一个扫描件', 'Next scan'],
  'keys.previousScan': ['上一个扫描件', 'Previous scan'],
  'keys.undo': ['撤销上一次采用', 'Undo the last acceptance'],
  'keys.zoom': ['放大 / 缩小预览', 'Zoom the preview in / out'],
  'keys.scanList': ['在扫描件列表中移动', 'Move in the scan list'],
  'keys.where': ['在识别结果与扫描件列表中有效（输入框内不触发）', 'In the review and the scan list (not while typing in a field)'],
  'preview.zoomIn': ['放大', 'Zoom in'],
  'preview.zoomOut': ['缩小', 'Zoom out'],
  'preview.zoomReset': ['适合宽度', 'Fit'],
  'preview.zoomLevel': ['缩放 {n}%', 'Zoom {n}%'],
  'preview.page': ['整页', 'Whole page'],
  'preview.cards': ['按证件', 'By card'],
  'preview.cardFront': ['人像面', 'Photo side'],
  'preview.cardBack': ['国徽面', 'Emblem side'],
  'review.fromIdNumber': ['由公民身份号码推得', 'Taken from the ID number'],
} as const satisfies Record<string, Message>
