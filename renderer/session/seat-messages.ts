/** Seats of the centre's host and wall displays (坐席与大屏, issue 13). */
export const seatMessagesZh = {
  'seat.gateTitle': '接入中心工作台',
  'seat.gateHost': '中心主机 {host}',
  'seat.gateHint': '本中心工作台的每个坐席都需要用自己的账号登录；登录前不显示任何案件和数字。',
  'seat.gateCertificate':
    '首次接入时，请在浏览器的证书信息中核对 SHA-256 指纹，与主机“设置 → 坐席接入”中显示的一致后再登录。',
  'seat.statusHost': '坐席 · 工作于 {host}',
  'seat.statusDisplay': '大屏 · {name} · 只读',
  'seat.lost':
    '与中心主机 {host} 的连接已中断（自 {time} 起），正在重试。页面上的数字是断开前的，不是实时数据；填写的内容仍保留。',
  'seat.lostLocal':
    '与 GridDesk 服务的连接已中断（自 {time} 起），正在重试。页面上的数字是断开前的，不是实时数据。',
  'seat.displayBadge': '大屏 · {name}',
};

export const seatMessagesEn: Record<keyof typeof seatMessagesZh, string> = {
  'seat.gateTitle': "Join the centre's desk",
  'seat.gateHost': 'Centre host {host}',
  'seat.gateHint':
    "Every seat on the centre's desk signs in with its own account; nothing of the street is shown before that.",
  'seat.gateCertificate':
    "The first time, compare the certificate's SHA-256 fingerprint in the browser with the one shown on the host under Settings → Seats before signing in.",
  'seat.statusHost': 'Seat · working on {host}',
  'seat.statusDisplay': 'Display · {name} · read-only',
  'seat.lost':
    "The line to the centre's host {host} is down (since {time}); retrying. The figures on screen are from before, not live; what you typed is kept.",
  'seat.lostLocal':
    'The line to the GridDesk service is down (since {time}); retrying. The figures on screen are from before, not live.',
  'seat.displayBadge': 'Display · {name}',
};
