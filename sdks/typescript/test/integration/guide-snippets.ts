/**
 * The TypeScript snippets of the customers guide (docs: "Customer Management"), copied verbatim, in the
 * guide's order. guide.test.ts runs them changing only the base URL and key (and the example id
 * `cust_x1y2z3`, which it replaces by the id the first snippet created).
 */
export const CREATE = `import { NovaBillingClient } from 'novabilling';

const client = new NovaBillingClient({ token: 'sk_live_a1b2c3d4...' });

const customer = await client.customers.create({
  externalId: 'usr_98765',
  email: 'sarah@kampaltech.ug',
  name: 'Nakato Sarah',
  country: 'UG',
  currency: 'UGX',
  metadata: {
    userId: 'usr_98765',
    accountType: 'business'
  }
});

console.log('Customer created:', customer.id);
`;

export const UPDATE = `const updated = await client.customers.update('cust_x1y2z3', {
  name: 'Nakato Sarah Williams',
  metadata: {
    userId: 'usr_98765',
    accountType: 'enterprise',
    upgradeDate: '2025-03-01'
  }
});

console.log('Updated:', updated.name);
`;

export const LIST = `const customers = await client.customers.list({
  page: 1,
  limit: 20
});

console.log(\`Showing \${customers.data.length} of \${customers.total} customers\`);
`;

export const SEARCH = `const results = await client.customers.list({
  search: 'sarah',
  page: 1,
  limit: 20
});

for (const customer of results.data) {
  console.log(\`\${customer.name} - \${customer.email}\`);
}
`;

export const GET = `const customer = await client.customers.get('cust_x1y2z3');
console.log(JSON.stringify(customer, null, 2));
`;

export const DELETE = `await client.customers.delete('cust_x1y2z3');
console.log('Customer deleted');
`;
