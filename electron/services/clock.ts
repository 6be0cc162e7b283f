/**
 * Today's date in the user's local time zone. The only place services read the clock for dates,
 * so everything else takes the date as a parameter and stays reproducible.
 */
import { fromParts, type IsoDate } from '../../shared/dates/iso-date'

export function todayIso(now: Date = new Date()): IsoDate {
  return fromParts({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() })
}
