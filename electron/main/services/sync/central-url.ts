/**
 * The central system carries personal data: plain HTTP is allowed only to this machine (the
 * reference central system in development, demos and tests). Returns the URL without a trailing
 * slash, or throws with a message in both languages.
 */
export function checkCentralUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('中心系统地址无效 / The central system URL is not a valid URL');
  }
  const loopback =
    url.hostname === 'localhost' ||
    url.hostname === '[::1]' ||
    /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
  if (!ok || url.username || url.password) {
    throw new Error(
      '中心系统地址必须使用 HTTPS（本机除外）/ The central system URL must use HTTPS (except on this machine)',
    );
  }
  return url.toString().replace(/\/$/, '');
}
