// The mini-program is only a shell: the member centre is the H5 of tenant-portal, opened in a <web-view>.
// In WeChat the H5's domain must be listed as a business domain (业务域名) of the mini-program.
App({
  globalData: {
    // Where the H5 is served (Zhidian Local locally; the CloudFront/API domain in AWS).
    h5Base: 'http://localhost:3000/',
    // Where the API answers (the same gateway locally; the API domain in AWS), for pages/bind.
    apiBase: 'http://localhost:3000',
    // The merchant this mini-program belongs to: one mini-program per tenant.
    tenantId: 'REPLACE_WITH_TENANT_ID',
  },
});
