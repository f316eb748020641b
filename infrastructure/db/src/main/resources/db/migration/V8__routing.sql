-- Which of our Twilio numbers belongs to which department: inbound calls and SMS to a number
-- are routed to (and scoped by) that department.
create table phone_numbers (
    number     text primary key,
    department text        not null,
    label      text        null,
    created_at timestamptz not null default now(),

    constraint phone_numbers_number_e164 check (number ~ '^\+[1-9][0-9]{6,14}$'),
    constraint phone_numbers_department_length check (char_length(btrim(department)) between 1 and 100),
    constraint phone_numbers_label_length check (char_length(label) <= 100)
);
