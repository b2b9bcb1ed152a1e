-- How a session was opened, for the session list (issue 14): the password alone, the password
-- and a code from the authenticator app (or a recovery code), or single sign-on (OpenID Connect).
-- Sessions from before this column were all opened by the password.
alter table sessions add column sign_in_method text not null default 'password'
  check (sign_in_method in ('password', 'two_step', 'sso'));
