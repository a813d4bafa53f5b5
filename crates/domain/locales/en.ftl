## Lyceum — English. Every message here has a twin in es.ftl (a test checks).

## Values of closed lists

lang-en = English
lang-es = Español
role-educator = Educator
role-facilitator = Facilitator or coach
role-author = Author
role-moderator = Moderator
role-org_admin = Organisation admin
role-programme_admin = Programme admin
role-researcher = Researcher
org-kind-programme = Programme
org-kind-state = State
org-kind-district = District
org-kind-local = Union local
org-kind-school = School
locale-city = City
locale-suburb = Suburb
locale-town = Town
locale-rural = Rural
poverty-low = Low poverty (25% or fewer students eligible for free or reduced-price lunch)
poverty-mid-low = Mid-low poverty (25–50% eligible)
poverty-mid-high = Mid-high poverty (50–75% eligible)
poverty-high = High poverty (more than 75% eligible)
subject-ela = English language arts
subject-math = Mathematics
subject-science = Science
subject-social-studies = Social studies
subject-world-languages = World languages
subject-arts = Arts
subject-health-pe = Health and physical education
subject-computer-science = Computer science
subject-career-technical = Career and technical education
subject-special-education = Special education
subject-english-learners = English learners
subject-library = Library and media
subject-elementary = Elementary (all subjects)
subject-other = Other
grade-band-k-2 = Kindergarten to grade 2
grade-band-3-5 = Grades 3 to 5
grade-band-6-8 = Grades 6 to 8
grade-band-9-12 = Grades 9 to 12
school-role-teacher = Teacher
school-role-paraprofessional = Paraprofessional or aide
school-role-instructional-coach = Instructional coach
school-role-librarian = Librarian or media specialist
school-role-counselor = Counselor
school-role-school-leader = Principal or school leader
school-role-district-staff = District staff
school-role-other = Other

## Counts

people-count = { $count ->
    [one] 1 person
   *[other] { $count } people
}

## Field errors: error-<code>. Shown beside the field and in the summary.

error-required = Enter this.
error-too-long = This is too long. Use at most { $max } characters.
error-control-characters = Remove the special characters (such as tabs or line breaks).
error-choose-one = Choose one of the options.
error-unknown-choice = “{ $value }” is not one of the options.
error-number-range = Enter a whole number from { $min } to { $max }.
error-email-missing = Enter your email address.
error-email-invalid = Enter an email address like name@school.org.
error-email-too-long = That email address is too long.
error-email-taken = An account with this email address already exists. Sign in, or reset your password.
error-email-unchanged = That is already your email address.
error-email-domain-not-allowed = Your email domain does not belong to any organisation in the programme. Ask your local or district for a join code, or use your school email address.
error-password-missing = Enter a password.
error-password-too-short = Your password needs at least 10 characters. A few everyday words in a row make a good one.
error-password-too-long = Your password can have at most 200 characters.
error-password-common = That password is too easy to guess. Choose another password.
error-password-contains-email = Do not use your email address in your password.
error-password-wrong = That is not your current password.
error-passwords-differ = The two passwords are not the same.
error-credentials = The email address or password is not right.
error-locked = Too many attempts to sign in to this account. Try again in { $minutes } minutes, or reset your password.
error-deactivated = This account was closed by your district or local’s roster. If that is a mistake, ask your admin to restore it.
error-unverified = Confirm your email address before you sign in. We sent you a link when you registered.
error-token-invalid = This link is not valid. Ask for a new one.
error-token-expired = This link has expired. Ask for a new one.
error-token-used = This link has already been used.
error-join-code-invalid = We do not recognise that join code. Check it with whoever gave it to you.
error-join-code-expired = That join code has expired. Ask for a new one.
error-join-code-full = That join code has been used as many times as it allows.
error-domain-invalid = Enter a domain like district.k12.oh.us.
error-domain-taken = Another organisation already uses this email domain.
error-org-kind-not-allowed = That kind of organisation cannot be created here.
error-role-not-allowed = You cannot give that role here.
error-programme-role-at-root = This role can only be held for the whole programme.
error-no-such-person = There is no account with this email address.
error-already-member = This person already has that role here.
error-invitation-pending = This person already has an invitation waiting.
error-confirm-delete = Type DELETE to confirm.
error-token-name = Give the token a name, so you know what it is for.
error-invalid-json = The request body is not valid JSON.
error-date-invalid = Enter a date like 2027-06-30.
error-date-past = Choose a date in the future.
error-invitation-other-email = This invitation was sent to a different email address.
error-programme-exists = A programme already exists.

## Shared words

brand = Lyceum
yes = Yes
no = No
never = Never
expired = expired
actions = Actions
not-recorded = Not recorded
days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
title-i-yes = Yes, a Title I school
title-i-no = No

## Layout

title-error-prefix = Error:
skip-to-content = Skip to main content
nav-label = Main
nav-home = Home
nav-orgs = Organisations
nav-profile = Profile
nav-account = Account
nav-sign-in = Sign in
nav-register = Create an account
nav-sign-out = Sign out
breadcrumbs-label = You are here
pager-label = Pages
pager-first = First page
pager-next = Next page
footer-about = Lyceum is teacher-led professional learning about AI in the classroom. Vendor-neutral and open source.

## Forms

error-summary-title = There is a problem
error-prefix = Error:
field-email = Email address
field-password = Password
field-current-password = Your current password
field-new-password = Password
field-new-password-hint = At least 10 characters. A few everyday words in a row are easy to remember and hard to guess.
field-password-confirm = Type the password again
field-new-email = New email address
field-display-name = Name
field-display-name-hint = The name other educators will see.
field-join-code = Join code
field-join-code-hint = Optional. If your local or district gave you a code, type it here.
field-language = Language
field-language-hint = Pages and emails will be in this language.
field-subjects = Subjects you teach or support
field-grade-bands = Grade bands
field-choose-all-hint = Choose all that apply.
field-years = Years in education
field-years-hint = A whole number, for example 7.
field-school-role = Your role in school
field-not-say = Prefer not to say
field-org-name = Name
field-org-kind = Kind of organisation
field-locale = Locale
field-school-only-hint = How the National Center for Education Statistics classifies the school’s area.
field-title-i = Title I
field-title-i-hint = Whether the school receives Title I funding.
field-poverty-band = Poverty level
field-poverty-band-hint = Share of students eligible for free or reduced-price lunch.
field-enrolment = Students enrolled
field-domain = Email domain
field-domain-hint = The part after the @, for example district.k12.oh.us.
field-role = Role
field-expires-days = Expires after (days)
field-expires-days-hint = Optional. Leave empty for a code that does not expire.
field-max-uses = Most people who may use it
field-max-uses-hint = Optional. Leave empty for no limit.
field-token-name = Name
field-token-name-hint = What the token is for, for example “district reporting script”.
field-token-expiry = Stops working after
field-confirm-delete = To confirm, type DELETE
field-confirm-delete-hint = In capital letters.

## Messages after an action

flash-signed-in = You are signed in.
flash-signed-out = You are signed out.
flash-registered = Almost done: we sent you an email. Follow the link in it to confirm your address, then sign in.
flash-verified = Your email address is confirmed. You can sign in now.
flash-verification-sent = If an account with that address is waiting for confirmation, we sent it a new link.
flash-reset-sent = If an account uses that address, we sent it a link to reset the password. The link works for 2 hours.
flash-password-reset = Your password was changed. Sign in with your new password.
flash-password-changed = Your password was changed. You were signed out everywhere else.
flash-profile-saved = Your profile was saved.
flash-email-change-sent = We sent a link to your new address. Your email changes when you follow it.
flash-email-changed = Your email address was changed.
flash-account-deleted = Your account was deleted. Thank you for taking part.
flash-org-saved = The details were saved.
flash-org-created = The organisation was created.
flash-domain-added = The email domain was added.
flash-domain-removed = The email domain was removed.
flash-join-code-created = The join code was created. Share it with the people who should join.
flash-join-code-revoked = The join code no longer works.
flash-invitation-sent = The invitation was sent. It works for 14 days.
flash-invitation-revoked = The invitation was withdrawn.
flash-invitation-accepted = Welcome! You have joined the organisation.
flash-role-granted = The role was given.
flash-role-removed = The role was removed.
flash-joined = You have joined the organisation.
flash-token-revoked = The token no longer works.

## Pages

home-title = Learn to use AI well in your classroom, with other teachers
home-title-signed-in = Home
home-lead = Courses, workshops and a community run by teachers, for teachers.
home-body = Earn professional development credit, share what works in your classroom, report the problems you meet, and see which AI tools have been checked for privacy and fairness.
home-welcome = Welcome, { $name }
home-no-memberships = You do not belong to any organisation yet.
home-memberships = Your organisations
home-admin = Organisations you manage
home-manage = Manage { $name }
home-next = What you can do next
home-profile-link = Tell us what you teach
home-join-link = Join an organisation with a code

sign-in-title = Sign in
sign-in-button = Sign in
sign-in-no-account = No account yet?

register-title = Create an account
register-intro = Use your school or district email address. If your local or district gave you a join code, you can use any address.
register-email-hint = We will send you a link to confirm it.
register-privacy = We use your email only to sign you in and to send what you ask for. Only you and the admins of your organisation can see it.
register-button = Create account
register-have-account = Already have an account?

resend-title = Send the confirmation link again
resend-intro = Type the address you registered with.
resend-button = Send the link
forgot-title = Forgot your password?
forgot-intro = Type the address you signed up with. We will send you a link to choose a new password.
forgot-button = Send the reset link
reset-title = Choose a new password
reset-button = Save the new password
link-problem-title = This link cannot be used

profile-title = Your profile
profile-intro = This helps us suggest courses and people near you. Only your name is shown to other educators.
profile-save = Save profile

account-title = Your account
account-change-email = Change email address
account-change-password = Change password
account-password-hidden = Hidden
account-more = More
account-tokens-hint = keys that let other programs use Lyceum for you.
account-export = Download your data
account-export-hint = everything we hold about you, as a JSON file.

email-title = Change your email address
email-current = Your email address is { $email }.
email-intro = We will send a link to the new address. Nothing changes until you follow it.
email-password-hint = So we know it is really you.
email-button = Send the link

password-title = Change your password
password-other-sessions = You will stay signed in here and be signed out on other devices.
password-button = Change password

delete-title = Delete your account
delete-intro = This cannot be undone.
delete-removed-title = What we remove
delete-removed-identity = Your name, email address and password.
delete-removed-profile = Your profile: language, subjects, grade bands, experience and role.
delete-removed-memberships = Your roles and memberships in organisations.
delete-removed-access = Your sessions, API tokens and any emailed links.
delete-kept-title = What we keep, without your name
delete-kept-audit = The record of changes you made for an organisation (for example “an admin created a school”), kept for accountability. It shows “deleted account” instead of you.
delete-export-first = Download your data first
delete-button = Delete my account

tokens-title = API tokens
tokens-intro = A token lets a program, such as a reporting script, use the Lyceum API as you. Keep tokens secret, like passwords.
tokens-created-title = Your new token
tokens-created-body = Copy it now. For your safety we will not show it again.
tokens-yours = Your tokens
tokens-none = You have no tokens.
tokens-created-on = Created
tokens-last-used = Last used
tokens-expires = Expires
tokens-revoke = Revoke { $name }
tokens-new = Create a token
tokens-create = Create token

join-title = Join an organisation
join-intro = Type the join code your local, district or school gave you.
join-code-hint = For example K7PM-3QXD.
join-button = Join

invitation-title = You are invited
invitation-intro = You are invited to join { $org } as { $role }.
invitation-accept = Accept the invitation
invitation-wrong-account = This invitation is for { $email }. Sign out, then open the link again to accept it with that account.
invitation-sign-in = There is already an account for { $email }. Sign in to accept.
invitation-register = Create your account for { $email }.
invitation-register-button = Create account and join

org-title = Organisation
org-manage = Manage this organisation
org-school-facts = About this school
org-below = Organisations below
org-none-below = Nothing has been added below this organisation yet.

people-title = People
people-intro = Everyone with a role in { $org } or below it.
people-none = Nobody belongs here yet. Invite people, share a join code, or add an email domain.
people-roles = Roles

org-admin-tabs-label = Manage
org-admin-details-title = Details
org-admin-save = Save details
org-admin-new-title = Add below
org-admin-new-none = Nothing can be added below a school.
org-admin-create = Create organisation
org-admin-joining-title = Joining
org-admin-invitations-title = Invitations
org-admin-roles-title = Roles

joining-intro = People can join this organisation by registering with an email address in one of its domains, or with a join code.
joining-domains-title = Email domains
joining-domains-intro = Anyone who confirms an address in these domains joins as an educator.
joining-domains-none = No email domains yet.
joining-domain-add = Add domain
joining-domain-remove = Remove { $domain }
joining-codes-title = Join codes
joining-codes-intro = Share a code on a slide or in a message. Whoever types it joins with its role.
joining-codes-none = No join codes yet.
joining-uses = Used
joining-code-new = New join code
joining-code-create = Create join code
joining-code-revoke = Revoke { $code }

invite-intro = We will email the person a link. They can join with an account they have, or create one.
invite-email-hint = Their school or personal email address.
invite-button = Send invitation
invite-pending = Waiting for an answer
invite-none = No invitations are waiting.
invite-sent = Sent
invite-revoke = Withdraw the invitation to { $email }

roles-intro = People who hold a role at this organisation itself. A role here also covers everything below.
roles-none = Nobody holds a role here yet.
roles-remove = Remove { $role } from { $name }
roles-grant-title = Give someone a role
roles-email-hint = The email address of their Lyceum account.
roles-grant-button = Give role

## Error pages

error-title = Error
error-go-home = Go to the home page
error-400-title = Something in the request was not right
error-400-body = Go back and try again. If it keeps happening, tell the person who runs Lyceum for you.
error-401-title = Please sign in
error-401-body = You need to sign in to see this page.
error-403-title = You do not have access to this page
error-403-body = This page is for people with a different role, such as the admins of this organisation. If you think you should have access, ask your local or district admin.
error-404-title = Page not found
error-404-body = If you typed the address, check it. If you followed a link, it may be out of date.
error-405-title = That does not work here
error-405-body = Go back and try again.
error-422-title = Some of what you sent is not valid
error-422-body = Go back, correct it and try again.
error-429-title = Too many attempts
error-429-body = Wait a minute, then try again.
error-500-title = Sorry, something went wrong on our side
error-500-body = Try again in a few minutes. Nothing you entered was saved.

## API error messages (api-error-<code>)

api-error-not_found = Not found.
api-error-forbidden = You may not do this.
api-error-unauthenticated = Send a personal access token as “Authorization: Bearer …”.
api-error-invalid_token = The token is not valid, has expired or was revoked.
api-error-bad_request = The request could not be read.
api-error-validation_failed = Some fields are not valid.
api-error-method_not_allowed = This method is not allowed here.
api-error-rate_limited = Too many requests. Wait a minute.
api-error-internal = Something went wrong on our side.

## Emails

email-greeting = Hello { $name },
email-greeting-anonymous = Hello,
email-footer = Lyceum — teacher-led professional learning about AI. You get this email because someone used this address on Lyceum. If that was not you, you can ignore it.
email-verify-subject = Confirm your email address for Lyceum
email-verify-body = Thank you for joining Lyceum. Confirm your email address to finish creating your account.
email-verify-expiry = The link works for 3 days.
email-verify-action = Confirm my email address
email-reset-subject = Reset your Lyceum password
email-reset-body = Someone asked to reset the password of your Lyceum account. If it was you, choose a new password with this link.
email-reset-expiry = The link works for 2 hours and only once. If you did not ask for it, ignore this email: your password stays the same.
email-reset-action = Choose a new password
email-change-subject = Confirm your new email address for Lyceum
email-change-body = You asked to use this address for your Lyceum account. Confirm it to make the change.
email-change-expiry = The link works for 24 hours.
email-change-action = Confirm the new address
email-changed-subject = Your Lyceum email address was changed
email-changed-body = The email address of your Lyceum account is now { $email }.
email-changed-not-you = If you did not do this, reset your password straight away and tell your local or district admin.
email-invitation-subject = You are invited to Lyceum
email-invitation-body = { $inviter } invited you to join { $org } on Lyceum as { $role }.
email-invitation-expiry = The invitation works for 14 days.
email-invitation-action = Accept the invitation

## Field-specific messages: error-<code>--<field>, used instead of error-<code> when present.

error-required--display_name = Enter your name.
error-required--name = Enter a name.
error-required--domain = Enter an email domain.
error-choose-one--preferred_language = Choose a language.
error-choose-one--kind = Choose the kind of organisation.
error-choose-one--role = Choose a role.
error-choose-one--title_i = Choose whether the school is a Title I school.
error-choose-one--locale = Choose the school’s locale from the list.
error-choose-one--poverty_band = Choose the school’s poverty level from the list.
error-choose-one--school_role = Choose your role in school from the list.
error-choose-one--expires_in_days = Choose when the token stops working.
error-number-range--years_experience = Enter your years in education as a whole number from { $min } to { $max }.
error-number-range--enrolment = Enter the number of students enrolled as a whole number from { $min } to { $max }.
error-number-range--expires_in_days = Enter the number of days as a whole number from { $min } to { $max }.
error-number-range--max_uses = Enter the most people who may use the code as a whole number from { $min } to { $max }.
error-unknown-choice--subjects = “{ $value }” is not one of the subjects.
error-unknown-choice--grade_bands = “{ $value }” is not one of the grade bands.

## Directory

people-search-label = Search people
people-search = Name or email
people-search-hint = The start of any word of a name or email address, for example “ana riv”.
people-place = Where
people-everywhere = All of { $org }
people-any = Any
people-subject = Subject
people-grade-band = Grade band
people-search-button = Search
people-export = Download this list (CSV)
people-no-match = Nobody matches. Try fewer words or fewer filters.
people-teaching = Teaching
csv-id = ID
csv-status = Status
csv-active = Active
csv-deactivated = Deactivated
