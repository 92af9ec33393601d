-- migrate:up
CREATE TABLE tenants (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug        text NOT NULL UNIQUE
);

CREATE TABLE projects (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  name        text NOT NULL
);

CREATE TABLE project_tasks (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  title       text NOT NULL,
  done        boolean NOT NULL DEFAULT false
);

CREATE INDEX idx_projects_tenant_id ON projects (tenant_id);
CREATE INDEX idx_project_tasks_tenant_id_project_id ON project_tasks (tenant_id, project_id);

-- migrate:down
DROP TABLE project_tasks;
DROP TABLE projects;
DROP TABLE tenants;
