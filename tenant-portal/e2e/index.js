// `node --test e2e/` searches this folder on Node 20; from Node 21 on, the argument is a glob that
// matches the folder itself, which Node then runs as a module: this file. Either way all journeys run
// (here in one process). Node 20's search does not pick this file up, so nothing runs twice.
await import('./provider-onboarding.test.mjs');
await import('./owner-members.test.mjs');
await import('./customer-h5.test.mjs');
await import('./owner-catalog.test.mjs');
await import('./coupons.test.mjs');
await import('./cashier-phone.test.mjs');
await import('./counter-members.test.mjs');
await import('./h5-delete.test.mjs');
await import('./devices.test.mjs');
await import('./orders.test.mjs');
await import('./sensors.test.mjs');
await import('./alert-settings.test.mjs');
await import('./esl-labels.test.mjs');
await import('./owner-admin.test.mjs');
await import('./owner-import.test.mjs');
await import('./provider-tenants.test.mjs');
await import('./campaigns.test.mjs');
await import('./merchants-complaint.test.mjs');
await import('./poster.test.mjs');
await import('./lockers.test.mjs');
await import('./walk.test.mjs');
await import('./dashboard.test.mjs');
await import('./purchasing.test.mjs');
await import('./refunds.test.mjs');
await import('./approvals.test.mjs');
await import('./h5-join.test.mjs');
await import('./patrol-missed.test.mjs');
await import('./parking.test.mjs');
await import('./guide.test.mjs');
await import('./patrol-nfc.test.mjs');
await import('./weighed.test.mjs');
await import('./campaigns-outbox.test.mjs');
await import('./patrol-camera.test.mjs');
await import('./stock-count.test.mjs');
