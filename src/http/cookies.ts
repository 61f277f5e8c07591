import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from './context.ts'

export const SESSION_COOKIE = 'kk_session'
export const CSRF_COOKIE = 'kk_csrf'
export const LANG_COOKIE = 'kk_lang'

export function setAppCookie(
  c: Context<AppEnv>,
  name: string,
  value: string,
  maxAgeSeconds?: number,
) {
  setCookie(c, name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').config.secureCookies,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  })
}

export function clearAppCookie(c: Context<AppEnv>, name: string) {
  deleteCookie(c, name, { path: '/', secure: c.get('deps').config.secureCookies })
}
