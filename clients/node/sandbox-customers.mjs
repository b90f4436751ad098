// /customer/init bodies shaped by the rulings. Every run uses fresh references and tax numbers, so the script can
// run again and again against the same server without hitting customerExists / referenceExists.
import { randomInt, randomBytes } from 'node:crypto';

const nineDigits = () => String(randomInt(0, 1_000_000_000)).padStart(9, '0');
const reference = () => `pw${randomBytes(12).toString('hex')}`;

const address = (postalCode = '62701') => ({
  type: 'PRIMARY', addressLine1: '12 Main Street', city: 'Springfield', stateCode: 'IL',
  postalCode, countryCodeA3: 'USA',
});

const mobile = () => ({ type: 'MOBILE', countryDialingCode: '1', phoneNumber: '2025550143' });

const ssn = () => ({ type: 'SSN', value: nineDigits(), issuanceCountryCodeA3: 'USA' });

export function individual(lastName = 'Doe') {
  return {
    customerReference: reference(),
    customerType: 'individual',
    customer: {
      firstName: 'Jane', lastName, email: 'jane.doe@example.com', phones: [mobile()],
      dateOfBirth: '1990-04-12', citizenshipCountryCodeA3: 'USA', addresses: [address()],
      identificationDocuments: [ssn()],
    },
  };
}

export function representative(id, lastName = 'Roe') {
  return {
    id, firstName: 'Rita', lastName, dateOfBirth: '1982-09-30', email: 'rita.roe@example.com',
    phones: [mobile()], addresses: [address()], identificationDocuments: [ssn()],
    ownershipPercentage: 50, isController: true, jobTitle: 'CEO',
  };
}

export function business(representatives, { primaryPostalCode = '62701' } = {}) {
  return {
    customerReference: reference(),
    customerType: 'business',
    customer: {
      businessName: 'Page Workflows LLC', businessType: 'LLC', email: 'office@example.com',
      businessAddresses: [address(primaryPostalCode)], businessPhones: [{ ...mobile(), type: 'PRIMARY' }],
      identificationDocuments: [{ type: 'FEIN', value: nineDigits(), issuanceCountryCodeA3: 'USA' }],
      businessRepresentatives: representatives,
    },
  };
}
