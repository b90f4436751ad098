#!/usr/bin/env node
// An independent client of the Akepa KYC/KYB API, written only from the API page and its rulings
// (akepa-api.md, decisions.md). It runs every workflow of the page's sandbox table, the default paths and the
// page's error examples, and checks each answer against what the page prints.
//
//   node page-workflows.mjs <baseUrl> [login] [password]
//   (or AKEPA_URL, AKEPA_LOGIN, AKEPA_PASSWORD; the login defaults to the sandbox demo partner)
//
// Prints one TAP-like line per check, then "N passed, M failed"; exits 0 only when nothing failed.
import { AkepaHttp } from './akepa-http.mjs';
import { differences, entitiesInAnyOrder, prefixedId, REQUEST_ID, TIMESTAMP } from './matching.mjs';
import { business, individual, representative } from './sandbox-customers.mjs';
import { greyJpeg } from './tiny-jpeg.mjs';

const [argUrl, argLogin, argPassword] = process.argv.slice(2);
const settings = {
  url: argUrl ?? process.env.AKEPA_URL,
  login: argLogin ?? process.env.AKEPA_LOGIN ?? 'demo',
  password: argPassword ?? process.env.AKEPA_PASSWORD ?? 'demo-password',
};
if (!settings.url || settings.url === '--help') {
  console.error('usage: node page-workflows.mjs <baseUrl> [login] [password]  (or AKEPA_URL, AKEPA_LOGIN, AKEPA_PASSWORD)');
  process.exit(2);
}

const http = new AkepaHttp(settings.url);
const tally = { passed: 0, failed: 0 };

/** Thrown after a failed step that later steps depend on; the rest of that workflow is skipped. */
class WorkflowStopped extends Error {}

function check(name, found) {
  if (found.length === 0) {
    tally.passed++;
    console.log(`ok - ${name}`);
  } else {
    tally.failed++;
    console.log(`not ok - ${name}: ${found.join('; ')}`);
  }
}

function exchangeDifferences(exchange, httpStatus, expectedBody) {
  if (exchange.networkError) {
    const closedEarly = /EPIPE|ECONNRESET/.test(exchange.networkError)
      ? ' - the server closed the connection while the request body was still being sent' : '';
    return [`${exchange.request} got no HTTP answer, expected HTTP ${httpStatus}: ${exchange.networkError}${closedEarly}`];
  }
  if (exchange.status !== httpStatus) {
    return [`${exchange.request} answered HTTP ${exchange.status}, expected ${httpStatus}: ${exchange.text.slice(0, 600)}`];
  }
  if (exchange.body === undefined) return [`${exchange.request} answered a body that is not JSON: ${exchange.text.slice(0, 300)}`];
  const found = differences(exchange.body, expectedBody, 'body');
  if (exchange.requestIdHeader !== exchange.body.requestId) {
    found.push(`x-request-id header ${JSON.stringify(exchange.requestIdHeader)} differs from body.requestId`);
  }
  return found;
}

/** Checks a 200 success envelope and returns its data, or stops the workflow when there is none to go on with. */
function expectSuccess(name, exchange, data) {
  check(name, exchangeDifferences(exchange, 200, { code: '0', data, requestId: REQUEST_ID }));
  if (exchange.status !== 200 || typeof exchange.body?.data !== 'object') throw new WorkflowStopped(name);
  return exchange.body.data;
}

function expectError(name, exchange, httpStatus, envelope) {
  check(name, exchangeDifferences(exchange, httpStatus, { requestId: REQUEST_ID, ...envelope }));
}

// ---- expectations built from the page ----

const entity = (entityId, isCustomer, status, outcome) => ({ entityId, isCustomer, status, outcome });

const application = (customer, status, outcome, entities) => ({
  applicationId: customer.applicationId ?? prefixedId('iapp_'),
  aggregatorId: settings.login, // rulings: aggregatorId is the partner's login
  customerId: customer.customerId,
  status,
  outcome,
  entityApplications: entitiesInAnyOrder(entities),
});

const documentData = (workflow, name, uploadStatus) => ({
  id: prefixedId('doc_'), aggregatorId: settings.login, uploadStatus, workflow, name,
  extension: 'jpg', type: 'license', dtsCreatedAt: TIMESTAMP,
});

/** The customer object of /customer/status, which must not echo the full tax number back (rulings: masked). */
const maskedCustomer = (taxNumbers) => (actual) => {
  if (actual === null || typeof actual !== 'object') return `expected the customer object, got ${JSON.stringify(actual)}`;
  const leaked = taxNumbers.filter((number) => JSON.stringify(actual).includes(number));
  return leaked.length ? `identification document values not masked: ${leaked.join(', ')}` : null;
};

const taxNumbersOf = (body) => [
  ...body.customer.identificationDocuments,
  ...(body.customer.businessRepresentatives ?? []).flatMap((rep) => rep.identificationDocuments),
].map((document) => document.value);

// ---- steps shared by the workflows ----

async function initCustomer(label, body) {
  const isBusiness = body.customerType === 'business';
  const data = expectSuccess(`${label}: /customer/init answers kycStatus WAITING_DATA`, await http.initCustomer(body), {
    customerId: prefixedId(isBusiness ? 'cstab_' : 'cstap_'),
    reference: body.customerReference,
    customerType: body.customerType,
    kycStatus: 'WAITING_DATA',
    dtsCreatedAt: TIMESTAMP,
    ...(isBusiness && {
      businessRepresentatives: body.customer.businessRepresentatives
        .map(({ id, firstName, lastName }) => ({ id, firstName, lastName })),
    }),
  });
  return { customerId: data.customerId, body };
}

async function identify(label, customer, status, outcome, entities) {
  const data = expectSuccess(`${label}: /akepa/identification answers ${status}/${outcome}`,
    await http.identification({ customerId: customer.customerId }), application(customer, status, outcome, entities));
  customer.applicationId = data.applicationId;
  return data;
}

async function expectJourney(label, customer, status, outcome, entities) {
  expectSuccess(`${label}: /akepa/status shows ${status}/${outcome}`, await http.status(customer.customerId),
    application(customer, status, outcome, entities));
}

async function expectKycStatus(label, customer, kycStatus) {
  const { body } = customer;
  expectSuccess(`${label}: /customer/status shows kycStatus ${kycStatus}`, await http.customerStatus(customer.customerId), {
    reference: body.customerReference, customerId: customer.customerId, customerType: body.customerType,
    kycStatus, customer: maskedCustomer(taxNumbersOf(body)), dtsCreatedAt: TIMESTAMP,
  });
}

async function generate(label, workflow, name) {
  return expectSuccess(`${label}: /akepa/document/generate ${name} answers uploadStatus false`,
    await http.generateDocument({ workflow, name, extension: 'jpg', type: 'license' }),
    documentData(workflow, name, false));
}

async function upload(label, generated) {
  return expectSuccess(`${label}: /akepa/document/upload ${generated.name} answers uploadStatus true`,
    await http.uploadDocument(generated.id, greyJpeg(), `${generated.name}.jpg`, 'image/jpeg'),
    { ...documentData(generated.workflow, generated.name, true), id: generated.id, dtsCreatedAt: generated.dtsCreatedAt });
}

/** The page's order: generate front, generate back, upload front, upload back. */
async function uploadedLicence(label, workflow) {
  const front = await generate(label, workflow, 'front');
  const back = await generate(label, workflow, 'back');
  await upload(label, front);
  await upload(label, back);
  return { front: front.id, back: back.id };
}

const licenceOf = (entityId, licence) => [
  { entityId, documentId: licence.front, view: 'front' },
  { entityId, documentId: licence.back, view: 'back' },
];

async function attachLicence(label, customer, entityId, workflow, status, outcome, entities) {
  const licence = await uploadedLicence(label, workflow);
  expectSuccess(`${label}: /akepa/update answers ${status}/${outcome}`,
    await http.update({ customerId: customer.customerId, documents: licenceOf(entityId, licence) }),
    application(customer, status, outcome, entities));
}

async function review(label, customer, entityId, outcome, status, journeyOutcome, entities) {
  expectSuccess(`${label}: /akepa/sandbox/review ${outcome} answers ${status}/${journeyOutcome}`,
    await http.sandboxReview({ customerId: customer.customerId, entityId, outcome }),
    application(customer, status, journeyOutcome, entities));
}

// ---- the workflows ----

const REP = 'ExtBusRepId123'; // the page's own representative id
const SECOND_REP = 'ExtBusRepId456';

async function token() {
  const data = expectSuccess('token: /auth/get-token answers a token and its expiry',
    await http.getToken(settings.login, settings.password), {
      token: (value) => (typeof value === 'string' && value.length >= 43 ? null : `expected an opaque token of at least 256 bits, got ${JSON.stringify(value)}`),
      dtsExpireAt: TIMESTAMP,
    });
  http.token = data.token;
  check('token: dtsExpireAt lies in the future',
    Date.parse(data.dtsExpireAt) > Date.now() ? [] : [`dtsExpireAt ${data.dtsExpireAt} is not in the future`]);
}

async function individualDefault() {
  const label = 'individual default';
  const customer = await initCustomer(label, individual());
  const id = customer.customerId;
  await identify(label, customer, 'pending_step_up', null, [entity(id, true, 'pending_step_up', null)]);
  await expectJourney(label, customer, 'pending_step_up', null, [entity(id, true, 'pending_step_up', null)]);
  await expectKycStatus(label, customer, 'WAITING_DATA');
  await attachLicence(label, customer, id, 'PERSONAL', 'completed', 'Approved', [entity(id, true, 'completed', 'approved')]);
  await expectJourney(label, customer, 'completed', 'Approved', [entity(id, true, 'completed', 'approved')]);
  await expectKycStatus(label, customer, 'APPROVED');
}

async function individualDenied() {
  const label = 'individual lastName "Denied"';
  const customer = await initCustomer(label, individual('Denied'));
  const id = customer.customerId;
  await identify(label, customer, 'completed', 'Denied', [entity(id, true, 'completed', 'denied')]);
  await expectJourney(label, customer, 'completed', 'Denied', [entity(id, true, 'completed', 'denied')]);
  await expectKycStatus(label, customer, 'DECLINED');
}

async function individualWaitReview() {
  const label = 'individual lastName "WaitReview"';
  const customer = await initCustomer(label, individual('WaitReview'));
  const id = customer.customerId;
  await identify(label, customer, 'pending_step_up', null, [entity(id, true, 'pending_step_up', null)]);
  await attachLicence(label, customer, id, 'PERSONAL', 'waiting_review', null, [entity(id, true, 'waiting_review', null)]);
  await expectJourney(label, customer, 'waiting_review', null, [entity(id, true, 'waiting_review', null)]);
  await expectKycStatus(label, customer, 'WAITING_REVIEW');
  await review(label, customer, id, 'approved', 'completed', 'Approved', [entity(id, true, 'completed', 'approved')]);
  await expectKycStatus(label, customer, 'APPROVED');
}

async function businessDefault() {
  const label = 'business default';
  const customer = await initCustomer(label, business([representative(REP)]));
  const id = customer.customerId;
  await identify(label, customer, 'pending_step_up', null,
    [entity(REP, false, 'pending_step_up', null), entity(id, true, 'completed', 'approved')]);
  await expectKycStatus(label, customer, 'WAITING_DATA');
  const approved = [entity(REP, false, 'completed', 'approved'), entity(id, true, 'completed', 'approved')];
  await attachLicence(label, customer, REP, 'BUSINESS', 'completed', 'Approved', approved);
  await expectJourney(label, customer, 'completed', 'Approved', approved);
  await expectKycStatus(label, customer, 'APPROVED');
}

async function businessRepresentativeDenied() {
  const label = 'business representative lastName "Denied"';
  const customer = await initCustomer(label, business([representative(REP, 'Denied')]));
  const entities = [entity(REP, false, 'completed', 'denied'), entity(customer.customerId, true, 'completed', 'approved')];
  await identify(label, customer, 'completed', 'Denied', entities);
  await expectJourney(label, customer, 'completed', 'Denied', entities);
  await expectKycStatus(label, customer, 'DECLINED');
}

async function businessRepresentativeWaitReview() {
  const label = 'business representative lastName "WaitReview"';
  const customer = await initCustomer(label, business([representative(REP, 'WaitReview')]));
  const businessApproved = entity(customer.customerId, true, 'completed', 'approved');
  await identify(label, customer, 'pending_step_up', null, [entity(REP, false, 'pending_step_up', null), businessApproved]);
  await attachLicence(label, customer, REP, 'BUSINESS', 'waiting_review', null,
    [entity(REP, false, 'waiting_review', null), businessApproved]);
  await expectKycStatus(label, customer, 'WAITING_REVIEW');
  await review(label, customer, REP, 'approved', 'completed', 'Approved',
    [entity(REP, false, 'completed', 'approved'), businessApproved]);
  await expectKycStatus(label, customer, 'APPROVED');
}

async function businessPrimaryPostalCode() {
  const label = 'business PRIMARY address postalCode "00000"';
  const customer = await initCustomer(label, business([representative(REP)], { primaryPostalCode: '00000' }));
  const id = customer.customerId;
  await identify(label, customer, 'waiting_review', null,
    [entity(REP, false, 'pending_step_up', null), entity(id, true, 'waiting_review', null)]);
  await expectKycStatus(label, customer, 'WAITING_REVIEW');
  // The representative passes; the business entity still waits for its review (rulings).
  await attachLicence(label, customer, REP, 'BUSINESS', 'waiting_review', null,
    [entity(REP, false, 'completed', 'approved'), entity(id, true, 'waiting_review', null)]);
  await review(label, customer, id, 'approved', 'completed', 'Approved',
    [entity(REP, false, 'completed', 'approved'), entity(id, true, 'completed', 'approved')]);
}

async function identificationWithoutCustomerId() {
  expectError('error: /akepa/identification without customerId answers the page\'s requestValidateError',
    await http.identification({}), 400, {
      code: 'requestValidateError',
      context: [{
        instancePath: '', schemaPath: '#/required', keyword: 'required',
        params: { missingProperty: 'customerId' }, message: "must have required property 'customerId'",
      }],
    });
}

async function generateWithUnknownExtension() {
  expectError('error: /akepa/document/generate with extension "gif" answers the page\'s enum error',
    await http.generateDocument({ workflow: 'PERSONAL', name: 'front', extension: 'gif', type: 'license' }), 400, {
      code: 'requestValidateError',
      context: [{
        instancePath: '/extension', schemaPath: '#/properties/extension/enum', keyword: 'enum',
        params: { allowedValues: ['jpg', 'png'] }, message: 'must be equal to one of the allowed values',
      }],
    });
}

async function generateWithoutType() {
  expectError('error: /akepa/document/generate without type answers the page\'s required error',
    await http.generateDocument({ workflow: 'BUSINESS', name: 'front', extension: 'jpg' }), 400, {
      code: 'requestValidateError',
      context: [{
        instancePath: '', schemaPath: '#/required', keyword: 'required',
        params: { missingProperty: 'type' }, message: "must have required property 'type'",
      }],
    });
}

async function documentAlreadyUploaded() {
  const label = 'error: document already uploaded';
  const generated = await generate(label, 'PERSONAL', 'front');
  await upload(label, generated);
  expectError(`${label}: a second upload answers extAkepa 4091`,
    await http.uploadDocument(generated.id, greyJpeg(), 'front.jpg', 'image/jpeg'), 400, {
      code: 'extAkepa', subCode: 4091, message: 'The specified document has already been uploaded.',
    });
}

async function documentNotFound() {
  const unknownId = `doc_${'7'.repeat(22)}`;
  expectError('error: upload to an unknown document answers documentNotFound',
    await http.uploadDocument(unknownId, greyJpeg(), 'front.jpg', 'image/jpeg'), 400, {
      code: 'documentNotFound', context: { documentId: unknownId }, message: `Document ${unknownId} not found`,
    });
}

async function identificationNotFound() {
  const label = 'error: identification not found';
  const customer = await initCustomer(label, individual());
  const id = customer.customerId;
  const notFound = { code: 'identificationNotFound', context: { customerId: id }, message: 'Identification not found' };
  expectError(`${label}: /akepa/status before /akepa/identification answers identificationNotFound`,
    await http.status(id), 400, notFound);
  const licence = await uploadedLicence(label, 'PERSONAL');
  expectError(`${label}: /akepa/update before /akepa/identification answers identificationNotFound`,
    await http.update({ customerId: id, documents: licenceOf(id, licence) }), 400, notFound);
}

async function entityCompletedOnUpdate() {
  const label = 'error: entity has status completed';
  const customer = await initCustomer(label, business([representative(REP), representative(SECOND_REP)]));
  const businessApproved = entity(customer.customerId, true, 'completed', 'approved');
  await identify(label, customer, 'pending_step_up', null,
    [entity(REP, false, 'pending_step_up', null), entity(SECOND_REP, false, 'pending_step_up', null), businessApproved]);
  // The first representative completes while the second keeps the journey open.
  await attachLicence(label, customer, REP, 'BUSINESS', 'pending_step_up', null,
    [entity(REP, false, 'completed', 'approved'), entity(SECOND_REP, false, 'pending_step_up', null), businessApproved]);
  const licence = await uploadedLicence(label, 'BUSINESS');
  expectError(`${label}: /akepa/update for ${REP} again answers statusApplicationEntity`,
    await http.update({ customerId: customer.customerId, documents: licenceOf(REP, licence) }), 400, {
      code: 'statusApplicationEntity', message: `Entity ${REP} has status completed`,
    });
}

async function duplicateRepresentativeIds() {
  const label = 'error: duplicate representative ids';
  const customer = await initCustomer(label, business([representative(REP), representative(REP)]));
  expectError(`${label}: /akepa/identification answers extAkepa 4091`,
    await http.identification({ customerId: customer.customerId }), 400, {
      code: 'extAkepa', subCode: 4091, message: 'Multiple entities cannot have the same external_entity_id.',
    });
}

const workflows = [
  token,
  individualDefault, individualDenied, individualWaitReview,
  businessDefault, businessRepresentativeDenied, businessRepresentativeWaitReview, businessPrimaryPostalCode,
  identificationWithoutCustomerId, generateWithUnknownExtension, generateWithoutType,
  documentAlreadyUploaded, documentNotFound, identificationNotFound, entityCompletedOnUpdate, duplicateRepresentativeIds,
];

for (const workflow of workflows) {
  try {
    await workflow();
  } catch (error) {
    if (error instanceof WorkflowStopped) {
      console.log(`# ${workflow.name}: later steps skipped after "${error.message}" failed`);
    } else {
      const cause = error?.cause ? ` (${error.cause.message ?? error.cause})` : '';
      check(`${workflow.name}: runs without a client-side error`, [`${error?.message ?? error}${cause}`.replace(/\s+/g, ' ')]);
    }
  }
}
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exitCode = tally.failed === 0 ? 0 : 1;
