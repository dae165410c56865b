-- The link of a project to the 全国建筑工人管理服务信息平台 (RN-06): the project code and secret the
-- platform issued, and the team numbers (teamSysNo) it returned for Team.Add. The secret encrypts
-- ID and card numbers in both directions, so it is held encrypted like any personal datum
-- (AAD projects:<id>:national_secret) and never returned.
ALTER TABLE projects
  ADD COLUMN national_project_code text,
  ADD COLUMN national_secret_enc text;
CREATE UNIQUE INDEX projects_national_code ON projects (national_project_code) WHERE national_project_code IS NOT NULL;

ALTER TABLE teams ADD COLUMN national_team_sys_no bigint CHECK (national_team_sys_no > 0);
CREATE UNIQUE INDEX teams_national_sys_no ON teams (project_id, national_team_sys_no) WHERE national_team_sys_no IS NOT NULL;
