// The customer side's strings: H5 self sign-up (and, later, the in-store guide), merged into the dictionaries in i18n.ts.
export const customerZh = {
  'join.title': '加入会员',
  'join.intro': '用手机号和短信验证码即可入会，不用去收银台。',
  'join.needsQr': '请扫描门店里的会员二维码加入，我们就知道是哪家门店；也可以在收银台报手机号入会。',
  'join.choices': '您的选择（可不选）',
  'join.choicesIntro': '不勾选也能入会，会员权益完全一样；之后可在会员中心随时更改。',
  'join.submit': '加入会员',
  'join.privacy': '入会即同意门店为提供会员服务处理您的手机号。',
  'join.sendFirst': '请先获取验证码。',
  'join.refused': '验证码不正确或已过期：请检查后重试，或重新获取。',
  'join.joinedCodeSent': '您已成为会员。登录验证码已发送至 {phone}，请输入新的验证码。',
  'join.toLogin': '已是会员？去登录',
  'join.link': '还不是会员？立即加入',
  'date.chosen': '所选日期：{date}',
  'date.pattern': '按 年 / 月 / 日 选择日期',
};

export const customerEn: Record<keyof typeof customerZh, string> = {
  'join.title': 'Join',
  'join.intro': 'Join with your mobile number and a texted code; no need to visit the counter.',
  'join.needsQr': 'Scan the member QR code in the store to join, so we know which store it is; or give your number at the counter.',
  'join.choices': 'Your choices (optional)',
  'join.choicesIntro': 'You can join without ticking either; membership is the same. Change them any time in the member centre.',
  'join.submit': 'Join',
  'join.privacy': 'By joining you let the store use your mobile number to run your membership.',
  'join.sendFirst': 'Ask for a code first.',
  'join.refused': 'The code is wrong or has expired: check it and try again, or ask for a new one.',
  'join.joinedCodeSent': 'You are a member now. A sign-in code was sent to {phone}: enter the new code.',
  'join.toLogin': 'Already a member? Log in',
  'join.link': 'Not a member yet? Join now',
  'date.chosen': 'Date chosen: {date}',
  'date.pattern': 'Pick a day, month and year',
};
