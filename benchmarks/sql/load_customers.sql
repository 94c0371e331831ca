-- Tenants and customers, generated in one INSERT ... SELECT over generate_series.
-- psql variables: rows (all customers), big (how many of them belong to tenant 'default'),
-- other_tenants (how many more tenants share the rest).
\set ON_ERROR_STOP on

INSERT INTO tenants (id, name, default_currency, status, created_at)
SELECT 'tenant_' || lpad(t::text, 3, '0'),
       (ARRAY['Kampala', 'Nairobi', 'Lagos', 'Accra', 'Kigali', 'Dar', 'Cape', 'Abuja', 'Mombasa', 'Gulu'])[1 + t % 10]
           || ' ' || (ARRAY['Tech', 'Pay', 'Telecom', 'Energy', 'Foods', 'Health', 'Logistics'])[1 + t % 7]
           || ' ' || (ARRAY['Ltd', 'Inc', 'Group', 'Holdings', 'Co'])[1 + t % 5],
       (ARRAY['UGX', 'KES', 'NGN', 'GHS', 'RWF', 'TZS', 'ZAR', 'NGN', 'KES', 'UGX', 'USD', 'GBP'])[1 + t % 12],
       'active',
       date_trunc('milliseconds', now() - (800 + t) * interval '1 day')
  FROM generate_series(1, :other_tenants) AS t
    ON CONFLICT (id) DO NOTHING;

INSERT INTO customers (tenant_id, id, external_id, email, name, country, currency, status, metadata,
                       created_at, updated_at)
WITH names AS (
    SELECT
        -- 30 first names, drawn uniformly: each is in about 1 row in 30 ('Wanjiru' is the benchmark's
        -- common name; no other name, last name or domain contains it)
        ARRAY['Wanjiru', 'Nakato', 'Chinedu', 'Amara', 'Kwame', 'Thandiwe', 'Baraka', 'Achieng', 'Oluwaseun',
              'Nomvula', 'Kofi', 'Zawadi', 'Tendai', 'Abebe', 'Fatou', 'Babajide', 'Nia', 'Sipho',
              'Sarah', 'John', 'Maria', 'David', 'Aisha', 'Mohamed', 'Grace', 'Peter', 'Emma', 'James',
              'Fatima', 'Joseph'] AS first,
        ARRAY['Okello', 'Mukasa', 'Namubiru', 'Otieno', 'Kamau', 'Njoroge', 'Adeyemi', 'Okafor', 'Eze',
              'Balogun', 'Mensah', 'Asante', 'Boateng', 'Nkosi', 'Dlamini', 'Ndlovu', 'Uwimana', 'Habimana',
              'Mugisha', 'Kimaro', 'Mushi', 'Mwakalinga', 'Diallo', 'Traore', 'Ndiaye', 'Tesfaye', 'Bekele',
              'Haile', 'Kariuki', 'Wekesa', 'Opio', 'Ssempala', 'Kato', 'Smith', 'Johnson', 'Brown',
              'Williams', 'Taylor', 'Garcia', 'Martin', 'Muller', 'Rossi', 'Silva', 'Khan', 'Patel',
              'Hassan', 'Ibrahim', 'Osei', 'Banda', 'Phiri'] AS last,
        ARRAY['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'proton.me',
              'mtn.co.ug', 'airtel.co.ke', 'safaricom.co.ke', 'kampalatech.ug', 'lagosfin.ng',
              'accrabiz.com.gh', 'capetown.co.za', 'kigalisoft.rw', 'example.com'] AS domain,
        -- country and its currency, African markets first (repeated entries weigh more)
        ARRAY['UG', 'UG', 'UG', 'UG', 'UG', 'KE', 'KE', 'KE', 'KE', 'KE', 'NG', 'NG', 'NG', 'NG', 'NG',
              'TZ', 'TZ', 'TZ', 'RW', 'RW', 'GH', 'GH', 'GH', 'ZA', 'ZA', 'ZA', 'US', 'US', 'GB', 'GB',
              'EG', 'ET', 'SN', 'CM', 'ZM', 'DE', 'FR', 'IN', 'CA'] AS country,
        ARRAY['UGX', 'UGX', 'UGX', 'UGX', 'UGX', 'KES', 'KES', 'KES', 'KES', 'KES', 'NGN', 'NGN', 'NGN', 'NGN', 'NGN',
              'TZS', 'TZS', 'TZS', 'RWF', 'RWF', 'GHS', 'GHS', 'GHS', 'ZAR', 'ZAR', 'ZAR', 'USD', 'USD', 'GBP', 'GBP',
              'EGP', 'ETB', 'XOF', 'XAF', 'ZMW', 'EUR', 'EUR', 'INR', 'CAD'] AS currency
), g AS NOT MATERIALIZED (
    -- every random draw once per row (OFFSET 0 keeps this subquery from being merged into the outer one)
    SELECT n,
           CASE WHEN n <= :big THEN 'default'
                ELSE 'tenant_' || lpad((1 + n % :other_tenants)::text, 3, '0') END AS tenant_id,
           1 + floor(random() * 30)::int AS fi,
           1 + floor(random() * 50)::int AS li,
           1 + floor(random() * 15)::int AS di,
           1 + floor(random() * 39)::int AS ci,
           floor(random() * 4)::int AS email_style,
           -- created within the last two years, millisecond precision
           floor(extract(epoch FROM now()) * 1000)::bigint - floor(random() * 730 * 86400000)::bigint AS ms,
           floor(random() * 1099511627776)::bigint AS r1,
           floor(random() * 1099511627776)::bigint AS r2,
           random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5, random() AS u6,
           random() AS u7
      FROM generate_series(1, :rows) AS n
    OFFSET 0
)
SELECT g.tenant_id,
       bench.ulid(g.ms, g.r1, g.r2),
       CASE WHEN g.u1 < 0.7 THEN 'usr_' || g.n END,
       -- unique: the row number is in every address
       CASE g.email_style
           WHEN 0 THEN lower(names.first[g.fi]) || '.' || lower(names.last[g.li]) || g.n
           WHEN 1 THEN left(lower(names.first[g.fi]), 1) || lower(names.last[g.li]) || g.n
           WHEN 2 THEN lower(names.last[g.li]) || '_' || lower(names.first[g.fi]) || g.n
           ELSE lower(names.first[g.fi]) || g.n
       END || '@' || names.domain[g.di],
       names.first[g.fi] || ' ' || names.last[g.li],
       CASE WHEN g.u2 < 0.03 THEN NULL ELSE names.country[g.ci] END,
       CASE WHEN g.u2 < 0.03 THEN 'USD' ELSE names.currency[g.ci] END,
       CASE WHEN g.u3 < 0.05 THEN 'inactive' ELSE 'active' END,
       CASE WHEN g.u4 < 0.1 THEN '{}'::jsonb
            ELSE jsonb_build_object(
                     'userId', 'usr_' || g.n,
                     'accountType', CASE WHEN g.u5 < 0.35 THEN 'business' ELSE 'personal' END,
                     'plan', (ARRAY['free', 'starter', 'pro', 'enterprise'])[1 + floor(g.u6 * 4)::int],
                     'seats', 1 + floor(g.u7 * 50)::int)
                 || CASE WHEN g.u5 < 0.5
                         THEN jsonb_build_object(
                                  'signupChannel', (ARRAY['web', 'mobile', 'ussd', 'agent', 'api'])[1 + floor(g.u7 * 5)::int],
                                  'marketingOptIn', g.u6 < 0.4)
                         ELSE '{}'::jsonb END
       END,
       timestamptz 'epoch' + g.ms * interval '1 millisecond',
       CASE WHEN g.u7 < 0.3
            THEN timestamptz 'epoch' + (g.ms + floor(g.u1 * (floor(extract(epoch FROM now()) * 1000) - g.ms))::bigint)
                                       * interval '1 millisecond'
            ELSE timestamptz 'epoch' + g.ms * interval '1 millisecond' END
  FROM g, names;
