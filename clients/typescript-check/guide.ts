// The customers guide through the typescript-fetch client generated from the served OpenAPI document.
// Every step checks values; any failure exits non-zero.
import { Configuration, CustomersApi, ResponseError } from './client';

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error('check failed: ' + what);
    }
}

async function main(): Promise<void> {
    const baseUrl = process.env.BASE_URL!;
    const customers = new CustomersApi(new Configuration({ basePath: baseUrl, accessToken: process.env.TENANT_KEY! }));

    const created = await customers.createCustomer({ createCustomerRequest: {
        email: 'sarah@kampaltech.ug', name: 'Nakato Sarah', externalId: 'usr_98765', country: 'UG', currency: 'UGX',
        metadata: { accountType: 'business', seats: 5, vip: true } } });
    check(created.id.startsWith('cust_'), 'created id ' + created.id);

    const got = await customers.getCustomer({ id: created.id });
    check(got.email === 'sarah@kampaltech.ug', 'email');
    check(got.metadata.seats === 5 && got.metadata.vip === true && got.metadata.accountType === 'business',
        'metadata typed: ' + JSON.stringify(got.metadata));

    const renamed = await customers.updateCustomer({ id: created.id,
        updateCustomerRequest: { name: 'Nakato Sarah Williams' } });
    check(renamed.name === 'Nakato Sarah Williams', 'renamed');
    check(JSON.stringify(renamed.metadata) === JSON.stringify(got.metadata),
        'a partial update keeps metadata: ' + JSON.stringify(renamed.metadata));
    check(renamed.externalId === 'usr_98765' && renamed.country === 'UG', 'other fields kept');

    const found = await customers.listCustomers({ search: 'nakato', page: 1, limit: 20 });
    check(found.total === 1 && found.data.length === 1 && found.data[0].id === created.id, 'search');

    try {
        await customers.createCustomer({ createCustomerRequest: { email: 'SARAH@kampaltech.ug', name: 'Again' } });
        check(false, 'duplicate email must fail');
    } catch (e) {
        check(e instanceof ResponseError, 'ResponseError, got ' + e);
        const response = (e as ResponseError).response;
        const problem = await response.json();
        check(response.status === 409 && problem.code === 'customer_email_taken', 'conflict: ' + JSON.stringify(problem));
    }

    const deleted = await customers.deleteCustomer({ id: created.id });
    check(deleted.deleted === true, 'deleted');
    try {
        await customers.getCustomer({ id: created.id });
        check(false, 'a deleted customer must be gone');
    } catch (e) {
        check(e instanceof ResponseError && (e as ResponseError).response.status === 404, 'gone: ' + e);
    }
    console.log('typescript-fetch client: the guide ran against ' + baseUrl);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
