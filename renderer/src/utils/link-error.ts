/**
 * The sync link's last error in words. The services keep a technical line ("network: TypeError
 * (ECONNREFUSED)", "HTTP 503 UNAVAILABLE") for the log; a person reads what happened to the
 * work and what to do. The technical line stays available as a tooltip for support.
 */
export function linkErrorText(raw: string, zh: boolean): string {
  const status = /^HTTP (\d{3})/.exec(raw)?.[1];
  const say = (z: string, e: string) => (zh ? z : e);
  if (/^(network|timeout):/.test(raw))
    return say(
      '无法连接中心系统，已保存在本机，恢复后自动同步',
      'Cannot reach the central system; saved on this station, it syncs by itself once the link is back',
    );
  if (status === '401')
    return say(
      '中心系统不认可本机的登记凭证，请联系管理员重新登记本机；业务已保存在本机',
      'The central system does not accept this station’s credentials; ask an administrator to enrol it again. Work is saved on this station',
    );
  if (status === '403')
    return say(
      '中心系统拒绝了本机的同步，同步已暂停，请联系管理员；业务已保存在本机',
      'The central system refused this station; sync is paused, call an administrator. Work is saved on this station',
    );
  if (status === '429' || (status !== undefined && status.startsWith('5')))
    return say(
      '中心系统暂时繁忙或故障，已保存在本机，稍后自动重试',
      'The central system is busy or failing; saved on this station, it retries by itself',
    );
  return say(
    '与中心系统同步时出错，已保存在本机，稍后自动重试；如持续出现请联系管理员',
    'Sync with the central system failed; saved on this station, it retries by itself. Call an administrator if it persists',
  );
}
