-- Mail goes as HTML with a plain-text part (issue 16): the HTML is kept beside the text until the
-- mail is sent, and cleared with it then (it holds the same links, some of them single-use).
alter table mail_outbox add column body_html text;
