/**
 * Where the running service is. `sdks/run-tests.sh` starts one and sets both; run by hand with
 * `NOVABILLING_BASE_URL=http://localhost:3000/api NOVABILLING_API_KEY=sk_live_... npm run test:integration`
 * against a service whose tenant holds no customers.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: the integration tests need a running service (see sdks/run-tests.sh)`);
  }
  return value;
}

export const BASE_URL = required('NOVABILLING_BASE_URL').replace(/\/+$/, '');
export const API_KEY = required('NOVABILLING_API_KEY');
