const app = getApp();

Page({
  data: { src: '' },
  onLoad(query) {
    const { h5Base, tenantId } = app.globalData;
    // A scanned store QR code may carry its own tenant (?tenant=...); otherwise the app's.
    const tenant = (query && query.tenant) || tenantId;
    this.setData({ src: `${h5Base}#/h5?tenant=${encodeURIComponent(tenant)}` });
  },
  onMessage() {},
  onShareAppMessage() {
    return { title: '智店会员中心', path: '/pages/index/index' };
  },
});
