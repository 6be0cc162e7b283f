/**
 * The lists behind a website's 网站服务内容 and 网站语言 (website-fields.json): the choices the
 * consoles offer, so the form shows the same ones and the report prints what staff pick there.
 */
import { z } from 'zod'
import data from '../data/website-fields.json' with { type: 'json' }

const WebsiteFieldsSchema = z.object({
  source: z.string().min(20),
  updated: z.string(),
  verified: z.boolean(),
  serviceCategories: z.array(z.string().min(1)).min(1),
  languages: z.array(z.string().min(1)).min(1),
  defaultLanguages: z.array(z.string().min(1)),
})
export type WebsiteFields = z.infer<typeof WebsiteFieldsSchema>

export const WEBSITE_FIELDS: WebsiteFields = WebsiteFieldsSchema.parse(data)
