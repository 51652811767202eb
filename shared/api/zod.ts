/**
 * The one zod instance the contract uses, with Chinese default messages, so
 * that even a payload no form produced gets an error a clerk can read.
 */
import { z } from 'zod'

z.config(z.locales.zhCN())

export { z }
