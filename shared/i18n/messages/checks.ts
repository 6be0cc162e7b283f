/** The checks panel. */
import type { Message } from '../language'

export const checksMessages = {
  'checks.title': ['检查结果', 'Checks'],
  'checks.clear': ['未发现问题', 'No problems found'],
  'checks.clear.body': ['按当前规则，此案件的资料可以提交。', 'By the current rules this case is ready to submit.'],
  'checks.goto': ['定位到字段', 'Go to the field'],
  'checks.fix': ['如何修改：', 'How to fix: '],
  'checks.date': ['按提交日期 {date} 检查', 'Checked for submission on {date}'],
  'checks.source': ['依据', 'Source'],
  'checks.missingCollapsed': ['{n} 项必填信息未填写', 'Required fields still empty: {n}'],
  'checks.showAll': ['展开', 'Show'],
  'checks.hideAll': ['收起', 'Hide'],
} as const satisfies Record<string, Message>
