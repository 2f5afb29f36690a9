/** The desktop app's first screen: this machine's own desk, or a seat of the centre's host. */
export const deskMessagesZh = {
  'desk.title': 'GridDesk 街道综合指挥工作台',
  'desk.hint': '请选择本机的使用方式。以后可以在坐席登录页改接其他主机。',
  'desk.localTitle': '在本机新建工作台',
  'desk.localText':
    '案件数据库保存在本机，首次打开带有示范街道的数据，可立即使用。以后可在“设置 → 坐席接入”中允许本中心其他坐席接入本机。',
  'desk.localButton': '在本机新建',
  'desk.joinTitle': '接入中心工作台',
  'desk.joinText':
    '案件保存在中心主机上，本机不保存案件数据。请向管理员索取主机地址，并核对主机证书的指纹。',
  'desk.address': '主机地址',
  'desk.probe': '读取证书指纹',
  'desk.fingerprint': '主机证书 SHA-256 指纹',
  'desk.compare':
    '请与中心主机“设置 → 坐席接入”中显示的指纹逐段核对。不一致时不要接入：可能不是本中心的主机。',
  'desk.same': '我已核对，指纹一致',
  'desk.join': '接入',
  'desk.opening': '正在打开…',
  'desk.gateApp': '本机接入时已核对主机证书的指纹；指纹一旦变化，本机会拒绝连接。',
  'desk.leave': '改接其他主机或在本机新建',
};

export const deskMessagesEn: Record<keyof typeof deskMessagesZh, string> = {
  'desk.title': 'GridDesk street command desk',
  'desk.hint':
    'Choose how this machine works. A seat can change hosts later from its sign-in page.',
  'desk.localTitle': 'A new desk on this machine',
  'desk.localText':
    "The case store lives on this machine and opens with the demo street's data, ready to use. Later, Settings → Seats lets the centre's other seats join it.",
  'desk.localButton': 'Create it here',
  'desk.joinTitle': "Join the centre's desk",
  'desk.joinText':
    "Cases live on the centre's host; this machine keeps none. Ask the administrator for the host's address and check its certificate's fingerprint.",
  'desk.address': 'Host address',
  'desk.probe': 'Read the fingerprint',
  'desk.fingerprint': "SHA-256 fingerprint of the host's certificate",
  'desk.compare':
    "Compare it group by group with the one the host shows under Settings → Seats. If they differ, do not join: it may not be the centre's host.",
  'desk.same': 'I compared them: they are the same',
  'desk.join': 'Join',
  'desk.opening': 'Opening…',
  'desk.gateApp':
    "The host's certificate fingerprint was checked when this machine joined; if it ever changes, this machine refuses to connect.",
  'desk.leave': 'Join another host, or make a desk here',
};
