// "Bind WeChat" from the H5 in the web-view: the H5 cannot call wx.login, so it opens this page with the member's
// sign-in token; the code wx.login gives goes to POST /me/wechat (code2Session on the server), then back to the H5.
const app = getApp();

Page({
  data: { state: 'binding' },
  onLoad(query) {
    const token = decodeURIComponent((query && query.token) || '');
    wx.login({
      success: (res) => {
        wx.request({
          url: `${app.globalData.apiBase}/me/wechat`,
          method: 'POST',
          header: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          data: { code: res.code },
          success: (r) => this.setData({ state: r.statusCode === 200 ? 'bound' : 'failed' }),
          fail: () => this.setData({ state: 'failed' }),
          complete: () => setTimeout(() => wx.navigateBack(), 1200),
        });
      },
      fail: () => this.setData({ state: 'failed' }),
    });
  },
});
