/** The per-stage clocks' strings on the ranking page: the table's stage columns and their weights. */
export const stageMessagesZh = {
  'ranking.column.dispatchOnTimeRate': '按时派遣率',
  'ranking.column.onsiteOnTimeRate': '按时到场率',
  'ranking.column.handleOnTimeRate': '按时处置率',
  'ranking.column.verifyOnTimeRate': '按时核查率',
  'ranking.stageHint':
    '环节时限：派遣、到场、处置、核查各环节按时完成的比例；除非管理员为其设置权重，不计入综合指标值',
  'ranking.weightsDialog.timelyAcceptRate': '及时受理率（环节）',
  'ranking.weightsDialog.dispatchOnTimeRate': '按时派遣率（环节）',
  'ranking.weightsDialog.onsiteOnTimeRate': '按时到场率（环节）',
  'ranking.weightsDialog.handleOnTimeRate': '按时处置率（环节）',
  'ranking.weightsDialog.verifyOnTimeRate': '按时核查率（环节）',
};

export const stageMessagesEn: Record<keyof typeof stageMessagesZh, string> = {
  'ranking.column.dispatchOnTimeRate': 'Dispatch on time',
  'ranking.column.onsiteOnTimeRate': 'On site on time',
  'ranking.column.handleOnTimeRate': 'Handled on time',
  'ranking.column.verifyOnTimeRate': 'Verified on time',
  'ranking.stageHint':
    'Stage clocks: the share of cases whose dispatch, on-site, handling and verification stages ended in time; not in the score unless an admin weights them',
  'ranking.weightsDialog.timelyAcceptRate': 'Timely accept (stage)',
  'ranking.weightsDialog.dispatchOnTimeRate': 'Dispatch on time (stage)',
  'ranking.weightsDialog.onsiteOnTimeRate': 'On site on time (stage)',
  'ranking.weightsDialog.handleOnTimeRate': 'Handled on time (stage)',
  'ranking.weightsDialog.verifyOnTimeRate': 'Verified on time (stage)',
};
