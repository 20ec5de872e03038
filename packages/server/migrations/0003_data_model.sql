-- The data assistants act on: brands, teams, Klasses and their attributes, customers, companies,
-- custom objects, business schedules and snippets. Every row belongs to one organization.
--
-- Records point at each other with (organization_id, id) pairs, so the database itself refuses a
-- customer of one organization linked to a company or an object of another.

CREATE TABLE brands (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX brands_name ON brands (organization_id, lower(name));

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Attribute questions offer teams by name, so two teams of one name could not be told apart.
CREATE UNIQUE INDEX teams_name ON teams (organization_id, lower(name));

-- Custom Klasses, and the custom attributes of the standard ones (a row named customer, conversation or
-- company holds only custom attributes: the standard attributes live in the code).
CREATE TABLE klasses (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL,
  label text,
  -- An array of AttributeDefinition (packages/model/src/attributes.ts).
  attributes jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, name),
  UNIQUE (organization_id, id)
);

CREATE TABLE companies (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  external_id text,
  name text NOT NULL DEFAULT '',
  -- Stored lower-case, so it can be matched on upsert.
  domain text,
  -- Custom attribute values by name, checked against the company Klass when written.
  attributes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, id)
);
CREATE UNIQUE INDEX companies_external_id ON companies (organization_id, external_id);
CREATE UNIQUE INDEX companies_domain ON companies (organization_id, domain);
CREATE INDEX companies_created ON companies (organization_id, created_at DESC, id DESC);

CREATE TABLE customers (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  external_id text,
  name text NOT NULL DEFAULT '',
  -- Stored lower-case, so it can be matched on upsert.
  email text,
  phone text,
  default_language text,
  company_id uuid,
  attributes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, id),
  -- Deleting a company keeps its customers; only the link goes (a column list needs PostgreSQL 15).
  FOREIGN KEY (organization_id, company_id) REFERENCES companies (organization_id, id)
    ON DELETE SET NULL (company_id)
);
-- NULLs are distinct in unique indexes, so customers without an external id or an email do not collide.
CREATE UNIQUE INDEX customers_external_id ON customers (organization_id, external_id);
CREATE UNIQUE INDEX customers_email ON customers (organization_id, email);
CREATE INDEX customers_created ON customers (organization_id, created_at DESC, id DESC);
CREATE INDEX customers_company ON customers (organization_id, company_id);

-- Objects of custom Klasses (orders, subscriptions), each on one customer's timeline.
CREATE TABLE objects (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- The Klass by id rather than by name, so deleting a Klass takes its objects with it instead of
  -- leaving them to reappear under a new Klass of the same name.
  klass_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  external_id text,
  attributes jsonb NOT NULL DEFAULT '{}',
  -- May be given on import, so an order keeps the time it was placed.
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, klass_id) REFERENCES klasses (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id) ON DELETE CASCADE
);
-- The object selector's query: a customer's most recent objects of one Klass.
CREATE INDEX objects_timeline ON objects (organization_id, customer_id, klass_id, created_at DESC, id DESC);
CREATE INDEX objects_klass_created ON objects (organization_id, klass_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX objects_external_id ON objects (organization_id, klass_id, external_id);

CREATE TABLE business_schedules (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- An IANA zone, checked when written.
  time_zone text NOT NULL,
  -- Opening hours by weekday and the holidays, as in BusinessScheduleDefinition (packages/model/src/schedule.ts).
  hours jsonb NOT NULL DEFAULT '{}',
  holidays jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX business_schedules_organization ON business_schedules (organization_id, name);

CREATE TABLE snippets (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- Messages use {{snippet.<name>}}, so the name is the snippet's reference and is unique.
  name text NOT NULL,
  -- Text by language tag.
  values jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, name)
);
