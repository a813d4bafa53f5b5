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
error-already-reviewed = This hand-in has been reviewed already.
error-control-characters = Remove the special characters (such as tabs or line breaks).
error-invisible-characters = Remove the invisible formatting characters.
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
error-locked = Too many attempts to sign in. Wait { $unit ->
    [seconds] { $count ->
        [one] 1 second
       *[other] { $count } seconds
    }
   *[minutes] { $count ->
        [one] 1 minute
       *[other] { $count } minutes
    }
} and try again, or reset your password.
error-join-code-wait = Too many codes tried. Wait { $unit ->
    [seconds] { $count ->
        [one] 1 second
       *[other] { $count } seconds
    }
   *[minutes] { $count ->
        [one] 1 minute
       *[other] { $count } minutes
    }
} and try again.
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
error-domain-claimed-already = This organisation has already added this domain.
error-domain-record-missing = We found no TXT record with this value at { $name }. If you have just added it, wait a while and check again.
error-domain-record-lookup-failed = We could not look up { $name } just now. Try again in a few minutes.
error-org-kind-not-allowed = That kind of organisation cannot be created here.
error-invalid-time-zone = Enter a time zone from the list, such as America/Chicago.
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
nav-courses = Courses
nav-learning = My learning
nav-community = Community
nav-transcript = Transcript
nav-notifications = { $count ->
    [0] Notifications, none unread
    [one] Notifications, 1 unread
   *[other] Notifications, { $count } unread
}
nav-menu = Menu
nav-menu-label = Your account
breadcrumbs-label = You are here
pager-label = Pages
pager-first = First page
pager-next = Next page
footer-about = Lyceum is teacher-led professional learning about AI in the classroom. Vendor-neutral and open source.
footer-label = About Lyceum
footer-help = Help
footer-privacy = Privacy notice
footer-accessibility = Accessibility statement
help-title = Help
help-intro = Lyceum is where teachers take short courses about AI in the classroom, earn professional development (PD) credit and talk with other teachers. This page says where things are and whom to ask.
help-places-title = Where things are
help-courses = Find a course by words, subject, grade band or hours, and enrol. You see the programme's courses and those of the organisations you belong to.
help-learning = The courses you follow, the lesson you stopped at, and work waiting for a review.
help-community = Spaces where teachers ask questions and share what works. Follow a space to hear about its new topics.
help-transcript = Your PD hours by school year, your certificates, and outside PD you asked to have counted.
help-notifications = Replies, mentions and decisions about your work. The number in the header counts those you have not read. You choose whether they are also emailed to you, and how often.
help-literacy-link = Your AI literacy
help-literacy = Where you stand in each AI competency for teachers, and which course could come next.
help-account-title = Your account
help-profile = Your name, school, what you teach and your language. Suggestions follow it.
help-forgot-link = Forgot your password?
help-forgot = Give your email address and we send you a link to choose a new password.
help-export = One file with everything Lyceum holds about you.
help-delete = Removes your account for good. The privacy notice says what goes and what stays.
help-menu = On a phone, the Menu button at the top opens the everyday places and your account; it works without JavaScript.
help-stuck-title = Still stuck?
help-stuck = Ask the administrator of your school or district: they can see your organisation's people, fix roles, resend invitations and decide PD requests. They pass problems with Lyceum itself on to the programme team that runs it.
privacy-title = Privacy notice
privacy-intro = What Lyceum keeps about you, who can see it, and how to take it with you or delete it. Lyceum is run by your education programme on its own servers. Its pages load no scripts, fonts, trackers or adverts from other companies, and it sells nothing to anyone.
privacy-keeps-title = What we keep
privacy-keeps-account = Your account: your name, email address and language, the organisations you belong to and your roles in them. Your password is kept only as a one-way hash (argon2id) that nobody can read back.
privacy-keeps-profile = Your profile, if you fill it in: school, subjects, grade bands, years of experience and role.
privacy-keeps-learning = Your learning: the courses you enrol in, lessons finished, quiz answers, reflections, practice tasks you hand in and their reviews. Each step is also kept as a learning record (xAPI), which names you by your account number, never by your email address.
privacy-keeps-credit = Your PD credit: hours by school year, certificates, and requests to count outside PD with the evidence you attach.
privacy-keeps-community = What you write in the community: topics, replies, their earlier versions when you edit them, reactions, reports you make, the spaces you follow and your notifications.
privacy-keeps-practice = What you share about practice: the classroom practices you publish and their versions, the trial reports and resources you add, your reviews of AI tools, and the challenges you report on the radar.
privacy-keeps-security = To keep accounts safe: your signed-in sessions, the API tokens you make, recent sign-in attempts (counted per account and per network to slow down guessing, then forgotten), and a record of changes made for organisations (the audit log).
privacy-keeps-not = We keep no location, no advertising profile, and nothing about you from other websites.
privacy-who-title = Who can see what
privacy-who-you = You see all of it, on your pages and in your data download.
privacy-who-admins = Facilitators and administrators of the organisations you belong to, and of those above them (your district, your state, the programme team), see your progress and the work you hand in, to review it, your PD requests, to decide them, and your name, email address and profile in their people directory. Nobody in an organisation you do not belong to sees them.
privacy-who-community = A community post is read by its space's audience: anyone for an open space, only the people of its organisation for a members-only space. Your name shows beside your posts. A report of a post goes to the space's moderators; an anonymous report never shows who made it, except to the programme team.
privacy-who-practice = Your name shows beside the practices you publish and the tool reviews you write. A challenge you report is seen by the administrators who look into it, with your name unless you report it anonymously: then nobody but the programme team can learn it was you. Counts and review exports that leave the programme team name nobody.
privacy-who-certificates = A certificate's page opens for anyone who has its address, which holds a long random code, so that a school office can check it. It shows your name, the course, the hours and the date.
privacy-who-reports = Figures that leave the programme team never show groups of fewer than 10 people.
privacy-emails-title = Emails
privacy-emails = We email you to confirm your address, to reset your password, when an administrator invites you, when a decision about your work or your PD requests is made (at once, in your digest or never, as you choose in your notification settings), and, unless you turn it off, a daily or weekly digest of the notifications you have not read. Every digest has a link that stops them in one click.
privacy-choices-title = Your choices
privacy-export = From your account page: one zip file with everything above that is yours (account, learning, credit, community, the courses you write, your practices, trial reports and resources, your tool reviews and the challenges you reported), as JSON. Other people appear in it by their display name only.
privacy-delete = From your account page. Your name, email address, password, profile, memberships, sessions and tokens go at once, and so do your reflections, the work you handed in, your PD evidence and your tool reviews. The challenges you reported stay counted on the radar, no longer linked to you. Your certificates stay valid for whoever holds their address but no longer show your name. The record of changes you made for an organisation stays, showing “deleted account” instead of you.
privacy-change-title = Changing what we hold
privacy-change = You can change your name, profile and language on your profile page, and your email address and password on your account page, at any time. Only you can change your email address or password.
privacy-questions-title = Questions
privacy-questions = Ask the administrator of your school or district, or the programme team that runs Lyceum, about your data.
a11y-title = Accessibility statement
a11y-intro = Lyceum is for every teacher, including those who use a screen reader, only a keyboard, magnification, voice control or a phone. This statement says how accessible it is, how we test it, what we know is not yet right, and how to tell us about a problem.
a11y-standard-title = The standard we aim for
a11y-standard = Lyceum aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.
a11y-how-title = What we do
a11y-no-js = Every page works without JavaScript; scripts only make pages change faster.
a11y-keyboard = Everything can be reached with a keyboard, focus is always visible, and “Skip to main content” is the first link on every page.
a11y-forms = Labels sit above fields and hints under them. Errors are listed at the top of the form, each linking to its field, and repeated beside the field; nothing you typed is lost.
a11y-charts = Charts come with a sentence that sums them up and a table of their numbers; colour is never the only way something is shown, and text keeps enough contrast.
a11y-phones = Pages fit a phone 390 pixels wide without scrolling sideways, their content starts near the top of the screen, and buttons and links are at least 44 pixels tall.
a11y-languages = Every page is in English and Spanish, and tells your browser which language it is in.
a11y-testing-title = How we test it
a11y-testing = Every change is tested in a real browser (Chromium). Each page the test journeys visit, in English and Spanish, with and without JavaScript, is checked with axe-core against WCAG 2.1 A and AA, and for one main heading, landmarks, the skip link, no sideways scrolling at 390 pixels wide, and content starting in the top 40% of a phone's screen.
a11y-testing-keyboard = Keyboard journeys sign in, edit a profile and sign out with the keyboard alone, and check that focus is visible on every element reached with Tab.
a11y-limits-title = Known limits
a11y-limit-automated = Automated checks find only some problems. Lyceum has not yet been audited by people with disabilities, nor tested with every screen reader.
a11y-limit-content = Lessons and community posts are written by people: their images may lack a description and their wording may be hard to follow.
a11y-limit-files = Files people upload or link to, such as PDF evidence of outside PD, may not be accessible.
a11y-limit-time = For your security you are signed out after a long time without activity; a form sent after that asks you to sign in again.
a11y-report-title = Tell us about a problem
a11y-report = If something on Lyceum stops you, tell the administrator of your school or district, or the programme team that runs Lyceum. Say which page (its address), what you were trying to do, and what you use (browser, screen reader, phone). We will help you do what you came to do another way while we fix it.
a11y-written = This statement was written in December 2026 and is checked whenever pages change.

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
field-join-code-hint = Optional. If your local or district gave you a code, type it here, for example K7PMX-3QXD9-RTWAB.
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
field-time-zone = Time zone
field-time-zone-hint = The IANA name of the zone its people live in, such as America/Los_Angeles. Dates, school years and PD credit here follow it. Leave empty to use the zone above: { $zone }.
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
field-expires-days-hint = From 1 to 90 days. Every code stops working in the end.
field-max-uses = Most people who may use it
field-max-uses-hint = From 1 to 1000 people. Once that many have joined, the code stops working.
field-token-name = Name
field-token-name-hint = What the token is for, for example “district reporting script”.
field-token-expiry = Stops working after
field-token-scope = What the token may do
field-token-scope-hint = Read only is enough for reports. Choose “Read and change” only for a program that must change things for you.
field-token-password-hint = We ask because a token can act as you.
token-scope-read = Read only
token-scope-write = Read and change
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
flash-domain-proven = The domain is proven: it counts from now on.
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
home-lead = Courses and a community run by teachers, for teachers.
home-body = Take short courses about AI in the classroom, earn professional development credit with a certificate your district can check, see where you stand in AI literacy, and share what works with other teachers.
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
reset-signs-out = A new password signs you out on every device and stops all your API tokens working.
link-problem-title = This link cannot be used

profile-title = Your profile
profile-intro = This helps us suggest courses and people near you. Only your name is shown to other educators.
welcome-title = Welcome to Lyceum
welcome-intro = Two quick questions, so that we suggest courses that fit your classroom. You can skip them and answer later on your profile.
welcome-school = Your school
welcome-school-hint = The schools in the organisation you joined. You join yours as an educator.
welcome-school-none = My school is not listed
welcome-no-schools = No schools are listed for your organisation yet. If your school gave you a join code, you can use it.
welcome-save = Save and continue
welcome-skip = Skip for now
error-choose-one--school = Choose your school from the list.
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
password-revoke-tokens = Also revoke my API tokens
password-revoke-tokens-hint = Programs that use them stop working until you make new tokens. Revoke them if someone else may have known your password.
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
tokens-may = May
tokens-expired = Expired on { $date }
tokens-revoke = Revoke { $name }
tokens-new = Create a token
tokens-create = Create token

join-title = Join an organisation
join-intro = Type the join code your local, district or school gave you.
join-code-hint = For example K7PMX-3QXD9-RTWAB. Capitals, spaces and dashes do not matter.
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

org-admin-sections = Sections
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
joining-domains-intro = Anyone who confirms an address in these domains joins as an educator, once the domain is proven to be this organisation’s.
joining-domains-none = No email domains yet.
joining-domain-add = Add domain
joining-domain-remove = Remove { $domain }
domain-status-proven = Proven
domain-status-waiting = Waiting for proof
domain-prove-link = Prove { $domain }
domain-proof-title = Prove an email domain
domain-proof-heading = Prove { $domain }
domain-waiting-intro = Until you prove { $domain } belongs to this organisation, it counts for nothing: nobody registers by it and no sign-in provider speaks for it. If another organisation proves it first, it holds the domain.
domain-proven-intro = People who confirm an address in this domain join this organisation as educators, and its sign-in providers may speak for them.
domain-proven-dns = Proven on { $date } by its DNS record.
domain-proven-approval = Approved by { $name } on { $date }.
domain-proven-migration = Added on { $date }, before proof was required, so it counts as proven.
domain-dns-title = Publish a DNS record
domain-dns-intro = Ask whoever runs your domain’s DNS to add this TXT record, then check it here. A new record can take a few hours to be seen.
domain-record-type = Type
domain-record-name = Name
domain-record-value = Value
domain-check-button = Check now
domain-approval-title = Or ask the programme team
domain-approval-intro = If you cannot change your domain’s DNS, the programme team can approve the domain instead. It is waiting in their list.
domain-approve-button = Approve { $domain }
domain-back = Back to joining
domain-approvals-title = Email domains waiting for approval
domain-approvals-intro = Organisations added these domains and have not proven them with a DNS record. Approve a domain only if you know it belongs to the organisation: its people join by it, and its sign-in providers speak for them.
domain-approvals-none = No domains are waiting for approval.
domain-approvals-org = Organisation
domain-approvals-claimed = Added on
domain-approvals-review = Review { $domain }
domain-approvals-link = Email domains waiting for approval across the programme
joining-codes-title = Join codes
joining-codes-intro = Share a code on a slide or in a message. Whoever types it joins as an educator or a facilitator, as the code says. A code is shown only once, when it is made; here each one is named by its last two characters.
joining-codes-none = No join codes yet.
joining-uses = Used
joining-code-new = New join code
joining-code-create = Create join code
joining-code-revoke = Revoke the code ending { $code }
joining-code-made-title = The join code was created
joining-code-made-body = Share it with the people who should join. Write it down or print this page now: it is not shown again.
joining-code-ending = Ends in
joining-code-made-by = Made by

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
api-error-insufficient_scope = This token lacks the “{ $scope }” scope that this request needs. On the API tokens page, make a token that may “Read and change”.
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
email-reset-tokens = Choosing a new password also signs you out everywhere and stops your API tokens working.
email-reset-action = Choose a new password
email-exists-subject = Someone tried to register with your email address
email-exists-body = Someone tried to create a new Lyceum account with this address, but you already have one. If it was you, sign in. If you have forgotten your password, choose “Forgot your password?” on the sign-in page.
email-exists-not-you = If it was not you, you need to do nothing: no new account was made, and your password stays the same.
email-exists-action = Sign in to Lyceum
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
email-roster-linked-subject = Your Lyceum account was linked to a roster
email-roster-linked-body = { $org } linked your Lyceum account to its roster “{ $source }”, so the roles that roster gives you there follow it.
email-roster-linked-yours = Your email address, name and password stay as they are: only you can change them.
email-roster-linked-contact = If you do not work with { $org }, or did not expect this, contact the admins of { $org }.

## Field-specific messages: error-<code>--<field>, used instead of error-<code> when present.

error-required--display_name = Enter your name.
error-invisible-characters--display_name = Your name cannot contain invisible formatting characters.
error-required--name = Enter a name.
error-required--domain = Enter an email domain.
error-choose-one--preferred_language = Choose a language.
error-choose-one--kind = Choose the kind of organisation.
error-choose-one--role = Choose a role.
error-choose-one--org = Choose an organisation.
error-choose-one--title_i = Choose whether the school is a Title I school.
error-choose-one--locale = Choose the school’s locale from the list.
error-choose-one--poverty_band = Choose the school’s poverty level from the list.
error-choose-one--school_role = Choose your role in school from the list.
error-choose-one--expires_in_days = Choose when the token stops working.
error-choose-one--scope = Choose what the token may do.
error-required--title = Enter a title.
error-required--hours = Enter the hours, for example 1.5.
error-required--completed_on = Enter the date you completed it.
error-required--following = Say whether to follow the space.
error-choose-one--subject = Choose a subject from the list.
error-choose-one--grade_band = Choose a grade band from the list.
error-choose-one--competency = Choose a competency from the list.
error-choose-one--delivery = Choose from the list how the course is given.
error-choose-one--language = Choose a language from the list.
error-choose-one--hours = Choose a length from the list.
error-choose-one--sort = Choose an order from the list.
error-choose-one--from = Choose a school year from the list.
error-choose-one--decision = Choose a decision.
error-choose-one--lang = Choose English or Spanish.
error-choose-one--visibility = Choose who may see the space.
error-choose-one--aspect = Choose one of the levels offered for this aspect.
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

## Roster import (OneRoster): roster-problem-<code>

roster-problem-missing-manifest = The package has no manifest.csv.
roster-problem-missing-file = The manifest marks this file { $manifest_value } but the package does not have it.
roster-problem-file-not-in-manifest = The file is there, but the manifest marks it absent or does not list it, so it was not read.
roster-problem-nothing-to-import = The manifest lists none of orgs.csv, users.csv and roles.csv.
roster-problem-empty-file = The file is empty: it needs at least a header row.
roster-problem-missing-property = The manifest has no { $property } row.
roster-problem-too-many-problems = More than { $max } problems in this file. Fix these and try again to see the rest.
roster-problem-invalid-utf8 = Byte { $byte } of this field is not UTF-8. Save the file as UTF-8.
roster-problem-bad-quote = A double quote inside an unquoted field, or text after a closing quote. Quote the whole field and double the quotes inside it.
roster-problem-unterminated-quote = A quoted field starts here and is never closed.
roster-problem-wrong-field-count = The row has { $found } fields but the header has { $expected }.
roster-problem-missing-column = The header has no { $column } column.
roster-problem-extra-column = “{ $column }” is not a column of this file. Extra columns must be named metadata.* and come last.
roster-problem-extra-column-expected = “{ $column }” is not a column of this file. Did you mean “{ $expected }”? Column names are case-sensitive.
roster-problem-duplicate-column = The header has the { $column } column twice.
roster-problem-bad-manifest = “{ $value }” is not a processing mode for { $property }. Use absent, bulk or delta.
roster-problem-unsupported-version = { $property } “{ $value }” is not supported (manifest.version must be 1.0; oneroster.version 1.1 or 1.2).
roster-problem-duplicate-property = This property was already given on line { $first_line }.
roster-problem-missing-required-value = A value is required.
roster-problem-bad-status = “{ $value }” is not a status. Use active or tobedeleted.
roster-problem-status-in-bulk = The status must be blank or “active” in a bulk file, not “{ $value }”: a bulk file lists only what exists.
roster-problem-missing-status-in-delta = A delta file needs a status (active or tobedeleted) on every row.
roster-problem-missing-date-in-delta = A delta file needs a dateLastModified on every row.
roster-problem-bad-datetime = “{ $value }” is not a date and time like 2026-09-01T12:00:00Z.
roster-problem-bad-date = “{ $value }” is not a date like 2026-09-01.
roster-problem-end-before-begin = The end date { $end } is before the begin date { $begin }.
roster-problem-bad-boolean = “{ $value }” is not true or false.
roster-problem-bad-email = “{ $value }” is not an email address.
roster-problem-bad-org-type = “{ $value }” is not an org type Lyceum can place. Use national, state, district, local, school or department.
roster-problem-unknown-role = “{ $value }” is not a OneRoster role.
roster-problem-bad-role-type = “{ $value }” is not a role type. Use primary or secondary.
roster-problem-duplicate-sourced-id = sourcedId “{ $value }” is already used on line { $first_line }.
roster-problem-unknown-org = No organisation has sourcedId “{ $value }”.
roster-problem-unknown-user = No user has sourcedId “{ $value }”.
roster-problem-org-cycle = These organisations are their own ancestors: { $cycle }.
roster-problem-bad-org-parent = A { $type } cannot sit under a { $parent_type } (parent “{ $parent }”).
roster-problem-department-without-parent = A department needs a parentSourcedId: its people join the school above it.
roster-problem-email-used-twice = { $value } is also the email of the user on line { $first_line }. One person, one account.
roster-problem-account-not-linkable = { $value } already has a Lyceum account that this roster cannot take over: it has a role beyond educator, belongs to an organisation outside { $org }, or belongs to none. Remove the row. The person can join through an invitation or a join code.
roster-problem-cannot-place-org = A { $type } cannot be placed under { $parent } ({ $parent_type }).
roster-problem-org-outside-scope = { $value } was imported before into { $place }, outside the organisation this import is for.
roster-problem-bad-zip = The zip file cannot be read: { $reason }.
roster-problem-zip-too-many-files = The zip holds more than { $max } files. A roster has at most 13.
roster-problem-zip-file-too-large = { $file } unpacks to more than { $max }.
roster-problem-zip-too-large = The zip unpacks to more than { $max } in all.
roster-problem-zip-ratio = { $file } unpacks to more than { $max } times its packed size. Roster files never do, so it was not unpacked.
roster-problem-import-running = An import for this organisation is already running. Try again in a few minutes.
roster-problem-source-elsewhere = The source “{ $value }” belongs to another organisation. Give this import another name.

## Roster upload page

import-tab = Roster
import-title = Import a roster
import-intro = Upload the OneRoster 1.2 files your student information system exports (a zip, or manifest.csv, orgs.csv, users.csv and roles.csv). Staff join the organisations the roster names; students and guardians are not imported. Very large rosters (a whole state or the programme) are loaded from the command line.
import-existing-accounts = People who already have a Lyceum account are linked to the roster only if all their roles are educator roles in this organisation; they get an email saying so. A roster never changes anyone’s email address, changes names only of accounts it created, and removes an account only if all its roles came from this roster.
import-files = Roster files
import-files-hint = A .zip, or the .csv files themselves.
import-no-files = Choose the roster’s zip or CSV files.
import-source = Name of this roster
import-source-hint = Use the same name each time you upload from the same system: people and roles are then updated, not added again.
import-dry-run = Only check the files, change nothing
import-button = Upload roster
import-problems = { $count ->
    [one] The roster has 1 problem
   *[other] The roster has { $count } problems
}
import-nothing-changed = Nothing was changed. Fix the files and upload them again.
import-problems-title = Problems to fix
import-more-problems = { $count ->
    [one] …and 1 more problem.
   *[other] …and { $count } more problems.
}
import-file = File
import-line = Line
import-column = Column
import-problem = Problem
import-checked = The roster is ready to import
import-done = The roster was imported
import-summary = What the import did
import-records = Records
import-created = Added
import-updated = Updated
import-unchanged = Unchanged
import-deactivated = Removed
import-orgs = Organisations
import-people = People
import-roles = Roles
import-ignored = { $count ->
    [one] 1 student or guardian was not imported.
   *[other] { $count } students or guardians were not imported.
}
import-reactivated = { $count ->
    [one] 1 person came back.
   *[other] { $count } people came back.
}
import-files-not-used = Files not used: { $files }.
import-linked = { $count ->
    [one] 1 person already had a Lyceum account: it is linked to this roster, and they get an email saying so.
   *[other] { $count } people already had Lyceum accounts: those are linked to this roster, and each gets an email saying so.
}
import-differences-title = Different in Lyceum
import-differences-intro = { $count ->
    [one] 1 person’s name or email address in the roster differs from their Lyceum account. Lyceum keeps what the person chose: only they can change their email address, and a roster changes names only of accounts it created.
   *[other] { $count } people’s names or email addresses in the roster differ from their Lyceum accounts. Lyceum keeps what each person chose: only they can change their email address, and a roster changes names only of accounts it created.
}
import-users-line = Line in users.csv
import-sourced-id = sourcedId
import-difference = Difference
import-difference-email = The email address differs
import-difference-name = The name differs
import-difference-both = The email address and the name differ
import-more-differences = { $count ->
    [one] …and 1 more.
   *[other] …and { $count } more.
}

## Invitations from a list

error-csv-not-utf8 = The file is not UTF-8 text. Save it as CSV (UTF-8).
error-csv-unreadable = Line { $line } has more than an address and a role.
error-csv-email-invalid = Line { $line }: “{ $value }” is not an email address.
error-csv-role-unknown = Line { $line }: “{ $value }” is not a role.
error-csv-email-twice = Line { $line }: this address is already on line { $first }.
error-csv-role-not-allowed = Line { $line }: you cannot give that role here.
error-csv-too-many = The list has more than { $max } people. Split it into smaller files.
error-csv-empty = The list has nobody in it.
error-required--file = Choose a CSV file.
invite-list-title = Invite a list of people
invite-list-hint = A CSV file with one email address per line and, if you like, a role after a comma (educator, facilitator, author, moderator or org_admin). People without a role get the one chosen here.
invite-list-file = List of people (CSV)
invite-list-role = Role for people without one in the list
invite-list-button = Send invitations
flash-invitations-sent = The invitations were sent. They work for 14 days.

## Single sign-on (OpenID Connect)

sso-sign-in-heading = Or sign in with your school account
sso-sign-in-who = School sign-in is for educators. If you also facilitate, moderate, write courses or administer, or belong to more than one organisation, sign in with your email and password above.
sso-find-title = Sign in with your school account
sso-find-intro = If your school, district or local lets you sign in with the account you use at work, find its sign-in here.
field-sso-school = Your school email address, or the name of your school or district
field-sso-school-hint = For example ana.rivera@district.k12.oh.us, or Columbus.
sso-find-button = Find my school sign-in
sso-choices-title = Sign in with
sso-continue-with = Continue with { $provider }
sso-use-password = Sign in with email and password instead
sso-problem-title = We could not sign you in
sso-try-again = Try again
sso-refused-state = This sign-in is no longer valid: it was already used, it took longer than 10 minutes, or it was started in another browser. Start again.
sso-refused-cancelled = The sign-in was cancelled at your school’s sign-in service. Nothing was changed.
sso-refused-provider = Your school’s sign-in service did not answer as expected. Try again later, or tell your admin.
sso-refused-unavailable = We could not reach your school’s sign-in service. Try again in a few minutes.
sso-refused-token = The answer from your school’s sign-in service could not be trusted, so we did not sign you in. If this keeps happening, tell your admin.
sso-refused-expired = The answer from your school’s sign-in service had expired. Check that your device’s clock is right, then try again.
sso-refused-email-unverified = Your school’s sign-in service has not confirmed your email address, so we cannot connect it to a Lyceum account. Ask your admin, or sign in with your email and password.
sso-refused-no-email = Your school’s sign-in service did not tell us your email address, so we cannot make your account. Ask your admin to share it with Lyceum.
sso-refused-domain-not-allowed = Your email address is not in a domain this sign-in is for. Use your school account, or another way to sign in.
sso-refused-account-closed = This account was closed. If that is a mistake, ask your admin to restore it.
error-sso-search-short = Type at least 3 letters of the name, or your whole email address.
error-sso-none = We found no school sign-in for that. Check the spelling, try your district’s name, or sign in with your email and password.
error-required--school = Enter your school email address, or the name of your school or district.
error-issuer-invalid = Enter a web address that starts with https://, such as https://accounts.google.com, with nothing after a ? or #.
error-too-many-domains = List at most 50 domains.
error-required--issuer = Enter the issuer URL.
error-required--client_id = Enter the client ID.
error-required--client_secret = Enter the client secret.
error-domain-invalid--domains = Enter domains like district.k12.oh.us, separated by commas.
org-admin-sso-title = Single sign-on
org-admin-sso-edit-title = Sign-in provider
sso-admin-intro = Let people sign in with the account they already use at work, through an OpenID Connect provider such as Google Workspace or Microsoft Entra ID. Someone signing in for the first time gets an account and joins this organisation as an educator.
sso-admin-redirect = When you register Lyceum with the provider, give it this redirect URI:
sso-admin-providers = Sign-in providers
sso-admin-none = No sign-in providers yet.
sso-admin-issuer = Issuer
sso-admin-client-id = Client ID
sso-admin-domains = Email domains
sso-admin-link = Sign-in link to share
sso-admin-edit = Edit { $name }
sso-admin-remove = Remove { $name }
sso-admin-remove-hint = People who signed in only with this provider can still get in by resetting their password by email.
sso-admin-add-title = Add a provider
sso-admin-add-button = Add provider
sso-admin-save-button = Save provider
sso-admin-back = Back to single sign-on
field-sso-name = Name people see
field-sso-name-hint = For example, Google Workspace for Columbus City Schools.
field-issuer = Issuer URL
field-issuer-hint = From the provider, for example https://accounts.google.com. Lyceum reads the provider’s settings from this address.
field-client-id = Client ID
field-client-secret = Client secret
field-client-secret-hint = From the provider. It is stored encrypted, used only for signing in, and never shown again.
field-client-secret-replace-hint = A secret is set. Leave this empty to keep it, or enter a new one to replace it. If you change the issuer, enter the secret again.
field-sso-domains = Email domains
field-sso-domains-hint = The domains of your people’s addresses, separated by commas. Each must first be added and proven on the Joining page of this organisation or one inside it. People find the provider by their email address, and only addresses in these domains, which the provider says it has confirmed, may sign in with it.
flash-sso-provider-added = The sign-in provider was added.
flash-sso-provider-saved = The sign-in provider was saved.
flash-sso-provider-removed = The sign-in provider was removed.

# Single sign-on: safety rules
error-domain-public-mail = That is a public mailbox service anyone can use. Enter a domain that belongs to your organisation.
error-sso-domain-not-held = Each domain must belong to this organisation first: add it on the Joining page of this organisation or one inside it, and prove it is yours.
error-sso-secret-again = Enter the client secret again: the issuer changed, and the secret stored was given for the old one.
error-required--domains = Enter at least one email domain of your organisation.
sso-refused-link-needs-password = A school sign-in is only for educators who belong to this organisation and nowhere else. Your account has other roles, or none. Sign in with your email and password instead. No password yet? Use “Forgot your password?” on the sign-in page to set one.
sso-admin-redirect-after = Once you add a provider, this page shows the redirect URI to register with it.
sso-admin-redirect-uri = Redirect URI
sso-continue-title = Continue to your school sign-in?
sso-continue-intro = You followed a link to sign in with { $provider } ({ $org }). Continue only if you meant to sign in to Lyceum.
sso-going-title = On your way to your school sign-in
sso-going-intro = Taking you to { $provider } to sign in. If nothing happens, use this button.

# Competency frameworks
competencies-title = AI competencies
competencies-intro = The frameworks Lyceum maps learning to. Every course says which competencies it builds, and at which level.
competencies-source = Source:
competencies-levels = Levels
competencies-by-aspect = Competencies by aspect and level
competencies-aspect = Aspect
competencies-items = Competencies
home-competencies-link = See the AI competencies for teachers
home-radar-link = See the challenges educators meet with AI
competencies-builtin-note = The summaries and the Spanish text are written for Lyceum.

# Courses
courses-title = Courses
courses-intro = Short courses on using AI well in class, each with the PD hours it earns and the competencies it builds.
courses-none = There are no courses yet.
course-hours = { $hours } PD hours
course-pd-hours = PD credit
course-delivery = Format
course-language = Language
course-licence = Licence
course-offered-by = Offered by { $org }
course-builds = Competencies it builds
course-prerequisites = Take these first
course-contents = Contents
lesson-pager = Lessons
lesson-previous = Previous
lesson-next = Next
lesson-back-to-course = Back to the course
delivery-self-paced = Self-paced
delivery-cohort = With a cohort
delivery-in-person = In person
delivery-virtual = Live online
activity-reading = Reading
home-courses-link = Browse the courses
course-sign-in-to-enrol = Sign in to enrol: Lyceum then keeps your place, counts your PD hours and records what you finish.
course-sign-in-button = Sign in to enrol
course-read-first = Read the first lesson
course-enrol = Enrol in this course
course-completed = You completed this course.
course-progress = { $done } of { $total } lessons finished
course-progress-label = Your progress
course-continue = Continue where you left off
lesson-finished-tag = Finished
lesson-task-returned-tag = Sent back — see the comments
lesson-task-waiting-tag = Task waiting for review
lesson-finished = You finished this lesson.
lesson-finish = I have finished this lesson
flash-enrolled = You are enrolled. Here is the first lesson.
flash-lesson-finished = Lesson finished.
flash-course-completed = You completed the course.
home-courses = Your courses
home-course-completed = Completed
home-continue = Continue where you left off
home-lesson-of = Lesson { $n } of { $total }: { $title }
home-progress = { $done } of { $total } lessons finished
home-waiting = Your work waiting on someone
home-waiting-review = Waiting for review: { $count }
home-sent-back = Sent back: { $count }
home-queues = Waiting for you
home-queue-hand-ins = Hand-ins to review: { $count }
home-queue-pd = PD requests to decide in { $name }: { $count }
home-unread = New for you
home-certificates = Recent certificates
home-learning-link = My learning: your courses, hand-ins and certificates
learning-title = My learning
learning-in-progress = In progress
learning-none-in-progress = You are not following a course now.
learning-completed = Completed
learning-none-completed = No course completed yet.
learning-completed-on = completed { $date }
learning-certificates = Certificates
learning-none-certificates = No certificates yet: completing a course earns one.
learning-issued-on = issued { $date }
learning-certificate-revoked = revoked
learning-hand-ins = Hand-ins
learning-none-hand-ins = Nothing handed in yet.
learning-handed-in-on = handed in { $date }
transcript-title = PD transcript
transcript-intro = The professional development hours you earned on Lyceum, by school year (July to June). Print this page, or download it for your district.
transcript-total = Total
transcript-csv = Download as CSV
transcript-none = No PD hours yet: complete a course to earn some.
transcript-year = { $year } school year: { $hours } PD hours
transcript-year-caption = PD hours in the { $year } school year
transcript-school-year = School year
transcript-date = Date
dates-in-zone = Dates are in the { $zone } time zone.
transcript-activity = Activity
transcript-source = Source
transcript-hours = PD hours
transcript-printed = Printed on { $date }.
transcript-check = Each certificate can be checked at the address beside it ({ $address } followed by its code).
transcript-certificate = Certificate
pd-source-course = Course
pd-source-workshop = Workshop
pd-source-outside = Outside activity
certificate-title = Certificate
certificate-valid = This certificate is valid.
certificate-revoked = This certificate was revoked.
certificate-expired = This certificate has expired.
certificate-recipient = Awarded to
certificate-recipient-deleted = An account since deleted (the certificate can still be verified by its code)
certificate-course = For completing
certificate-issued = Issued
certificate-issuer = Issued by
certificate-about = Anyone with this page's address can check the certificate here.
certificate-about-pdf = Anyone can check this certificate, and whether it still holds, at this address or by scanning the code.
certificate-check-at = Check it at
certificate-qr = QR code of this certificate's address: { $url }
certificate-share = Share this certificate
certificate-share-label = Its address
certificate-share-hint = Anyone with this address can check the certificate. Select it to copy it.
certificate-copy = Copy link
certificate-copied = Link copied.
certificate-pdf = Download as PDF
course-certificate = See your certificate
home-transcript-link = See your PD transcript
certificate-revoked-reason = Why:
certificate-revoke-title = Revoke this certificate
certificate-revoke-reason = Why it is revoked
certificate-revoke-hint = Shown on this page to anyone who checks the certificate.
certificate-revoke-button = Revoke the certificate
flash-certificate-revoked = The certificate was revoked.
error-required--reason = Say why the certificate is revoked.
pd-request-title = Ask for outside PD hours
pd-request-intro = Hours you earned outside Lyceum — a conference, a district workshop, a university course — count once an admin of your organisation approves them.
pd-request-no-org = You need a role in an organisation first: its admins approve outside hours.
pd-request-activity = Activity
pd-request-activity-hint = For example: State AI in Education Summit, day 1.
pd-request-description = What you did (optional)
pd-request-description-hint = A sentence or two helps the admin decide.
pd-request-hours = PD hours
pd-request-hours-hint = In quarter hours, for example 1.5 or 3.25.
pd-request-date = Date completed
pd-request-date-hint = The day you finished it: choose it in the calendar, or type it in the box.
pd-request-link = Link to evidence
pd-request-link-hint = A certificate or attendance page online. Give a link, a file, or both.
pd-request-file = Evidence file
pd-request-file-hint = A PDF, PNG or JPEG of at most { $mb } MB.
pd-request-org = Organisation to ask
pd-request-org-hint = Its admins, or admins above it, decide. If you are an admin there yourself, the admins above you decide.
pd-request-org-choose = Choose an organisation
pd-request-button = Send the request
pd-requests-title = PD requests
pd-requests-intro = Outside PD hours educators asked this organisation, and those below it, to count. Approving adds the hours to their transcript; returning or rejecting needs a comment, which they see. Nobody decides their own request: an admin’s request goes to the admins above them.
pd-requests-none = No requests are waiting.
pd-requests-from = From
pd-requests-sent = Sent
pd-requests-evidence = Evidence
pd-requests-download = Download the file
pd-requests-comment = Comment
pd-requests-comment-hint = Needed to return or reject; shown to the educator.
pd-requests-approve = Approve
pd-requests-return = Return with comment
pd-requests-reject = Reject
pd-request-status-pending = Waiting for approval
pd-request-status-approved = Approved
pd-request-status-returned = Returned
pd-request-status-rejected = Rejected
# The admin's daily work (issue 17, item 8): overview, person record, resending invitations, decided PD requests.
org-admin-overview-title = Overview
org-admin-overview-intro = What is waiting for you here and below. Each line leads to its page.
org-admin-overview-pd-requests = { $count ->
    [0] No PD requests to decide
    [one] 1 PD request to decide
   *[other] { $count } PD requests to decide
}
org-admin-overview-invitations = { $count ->
    [0] No invitations waiting for an answer
    [one] 1 invitation waiting for an answer
   *[other] { $count } invitations waiting for an answer
}
org-admin-overview-roster-last = Roster last imported on { $date }
org-admin-overview-roster-never = No roster imported yet: import one
org-admin-overview-people = People: find someone and open their record
person-record-title = Person
person-record-memberships = Roles
person-record-memberships-hint = Only roles in { $org } and the organisations inside it are shown.
person-record-courses = Courses and progress
person-record-no-courses = Not following any course yet.
person-record-completed = Completed on { $date }
person-record-transcript = Transcript
person-record-hours = { $hours } PD hours in { $count ->
    [one] 1 entry
   *[other] { $count } entries
}.
person-record-no-certificates = No certificates yet.
invite-resend = Send the invitation to { $email } again
flash-invitation-resent = The invitation was sent again with a new link. The earlier link no longer works.
error-invitation-resent-recently = This invitation was sent less than 10 minutes ago. Wait a few minutes before sending it again.
pd-requests-decided = Decided requests
pd-requests-decided-none = No requests have been decided here yet.
pd-requests-activity = Activity
pd-requests-decision = Decision
pd-requests-decider = Decided by
pd-requests-decided-on = Date
pd-requests-reason = Reason
pager-previous = Previous page
import-now = Import now
import-now-hint = The files you checked are kept for an hour: import them without choosing them again.
import-checked-expired = That check is more than an hour old or was already imported. Choose the files and check them again.
import-template = Preparing a roster by hand? Start from the template files:
transcript-requests = Outside PD requests
transcript-ask = Ask for hours earned elsewhere
flash-pd-request-sent = Your request was sent. You will see the answer here.
flash-pd-request-decided = The request was decided.
error-hours-invalid = Enter hours in quarter hours, from 0.25 to 100, for example 1.5.
error-date-future = The date cannot be in the future.
error-url-invalid = Enter a web address starting with https://.
error-evidence-required = Give a link to evidence, or a file.
error-file-type = The file must be a PDF, PNG or JPEG.
error-file-too-large = The file is larger than 5 MB.
pd-requests-status = Status
quiz-title = Check your understanding
quiz-pass-mark = Pass mark: { $mark }% of the questions right.
quiz-attempts-left = Attempts left: { $left }.
quiz-score = You scored { $score }%.
quiz-passed = That is a pass.
quiz-not-passed = Not yet: read the feedback and try again.
quiz-pick-all = (choose every answer that is right)
quiz-right = Right.
quiz-wrong = Not quite.
quiz-check = Check my answers
flash-quiz-passed = You passed the quiz.
flash-quiz-failed = Not passed yet. The feedback below says why.
error-quiz-unanswered = Answer this question.
error-quiz-no-such-question = This answer is for a question that is not in this quiz.
error-quiz-no-such-option = Choose one of the answers shown.
error-quiz-one-answer = Choose only one answer.
activity-quiz = Quiz
catalogue-search-label = Find a course
catalogue-search = Search courses
catalogue-search-hint = Words from the title, the summary or the lessons, for example “privacy”.
catalogue-filter = Filter
catalogue-competency = Competency
catalogue-sort-label = Order
catalogue-sort-relevance = Best match
catalogue-sort-newest = Newest
catalogue-sort-completed = Most completed
catalogue-hours-up-to-1 = Up to 1 hour
catalogue-hours-1-to-3 = 1 to 3 hours
catalogue-hours-3-to-10 = 3 to 10 hours
catalogue-hours-over-10 = Over 10 hours
catalogue-no-match = No course matches. Try fewer words or fewer filters.
catalogue-found = { $count ->
    [one] 1 course
   *[other] { $count } courses
}

## Reflections and practice tasks
activity-reflection = Reflection
activity-task = Practice task
activity-enrol-first = Enrol in the course to do this.
reflection-title = Reflect
reflection-hint = Only you and the facilitators of your organisations can read this.
reflection-save = Save my reflection
reflection-update = Update my reflection
reflection-saved = Saved. You can change it at any time.
error-required--reflection = Write your reflection before saving it.
task-title = Practice task
task-rubric = What the facilitator looks for
task-one-artefact = Hand in one thing: your text, a link or a file. A facilitator reviews it and accepts it or sends it back with comments.
task-text = Your text
task-link = A link to your work
task-link-hint = For example, a shared document your facilitator can open. Starts with https://
task-file = Or a file
task-hand-in = Hand in for review
task-handed-in-on = handed in { $date }
task-comment = Facilitator's comment
task-met = Criteria met
task-download = Download { $name }
task-earlier-file = Last time you sent “{ $name }”; it stays with that hand-in. Choose the corrected file to hand it in again.
artefact-text = Text
artefact-link = Link
artefact-file = File
submission-status-submitted = Waiting for review
submission-status-accepted = Accepted
submission-status-returned = Sent back
error-artefact-required = Hand in your text, a link or a file.
error-artefact-kind = This task does not take this kind of work. Use one of the fields shown.
error-artefact-one = Hand in one thing only: your text, a link or a file.
error-task-already-submitted = You have already handed this in. Wait for the review before handing in again.
error-rubric-unmet = To accept, tick every criterion. If one is not met, send the work back with a comment.
error-required--comment = Say what should change.
flash-reflection-saved = Your reflection was saved.
flash-task-submitted = Handed in. You will see the review on this page.
flash-task-reviewed = Review saved. The learner can see it on the lesson page.
review-title = Practice tasks to review
review-intro = Work handed in by learners in the organisations where you facilitate or administer, oldest first.
review-none = Nothing is waiting for review.
review-not-facilitator = You review practice tasks once you are a facilitator or an admin of an organisation.
review-rubric = Criteria met
review-comment = Comment for the learner
review-comment-hint = Needed when you send work back: say what to change.
review-accept = Accept
review-return = Send back with comments
home-review-link = Review practice tasks

## AI literacy picture
home-literacy-link = See where you stand in AI literacy
literacy-title = My AI literacy
literacy-lead = Where you stand on each aspect of the AI competency framework for teachers: how you see yourself, beside what the courses you completed show.
literacy-standing = Where you stand
literacy-chart-title = Your level on each aspect: your own view and what your completed courses show
literacy-chart-row = you say { $assessed }; your courses show { $shown }
literacy-you = You
literacy-courses = Courses
literacy-legend-you = Your own view
literacy-legend-courses = Shown by completed courses
literacy-table-caption = Your level on each aspect
literacy-aspect = Aspect
literacy-not-yet = Not yet
literacy-not-yet-hint = You have not started on this, or are not sure yet.
literacy-next = What next
literacy-next-intro = Courses that take your weakest aspects to the next level, for your subjects and grade bands.
literacy-next-intro-no-profile = Courses that take your weakest aspects to the next level. Add your subjects and grade bands to your profile to see the ones that suit you best.
literacy-next-none = No course builds your weakest aspects at the next level yet. Browse the catalogue for more.
literacy-builds = Builds { $aspect } to { $level }
literacy-assess = Assess yourself
literacy-assess-intro = For each aspect, choose the level that sounds most like you today. Only you see this; it shapes what we suggest.
literacy-save = Save my self-assessment
flash-self-assessment-saved = Your self-assessment was saved.

## Certificates that expire
email-certificate-expiring-subject = Your Lyceum certificate expires soon
email-certificate-expiring-body = Your certificate for “{ $course }” expires on { $date }.
email-certificate-expiring-after = After that day its public page says it has expired. If your district or state needs it to be current, ask your facilitator how to renew it.
email-certificate-expiring-action = See the certificate
certificate-expires = Valid until
course-newer-version = A newer version of this course is out. You can finish the version you started, or move to the new one: lessons you finished that are in it stay finished.
course-move = Move to the new version
flash-moved-to-new-version = You are now on the new version of this course.
course-also-in = Also in { $language }
course-switch = Continue in { $language }
course-switch-hint = Lessons you finished count in both languages; the PD credit and the certificate are earned once.
lesson-switch = Continue this lesson in { $language }
lesson-other-language = Read this lesson in { $language }
flash-switched-language = You are now following this course in this language. The lessons you finished are kept.

## Authoring
home-authoring-link = Write and review courses
authoring-title = Authoring
authoring-lead = Write a course on pages or as a course file, check it here, and send it for review. A course belongs to an organisation: its authors, and authors above it, write and publish it; a course of the whole programme needs a programme-level author or admin. Another author publishes it as the course's next version; learners who started an earlier version finish that one unless they choose to move.
authoring-to-review = Drafts waiting for your review
authoring-none-to-review = No draft is waiting for review.
authoring-by = by { $name }
authoring-belongs-to = Belongs to { $org }
authoring-owner = Belongs to
authoring-mine = My drafts
authoring-none = You have no drafts yet.
authoring-course = Course
authoring-status = Status
authoring-untitled = Untitled draft
authoring-new = Start a draft
authoring-new-intro = Upload a course file, or start from a published course to write its next version.
authoring-file = A course file
authoring-file-hint = JSON in the lyceum-course/1 format, at most { $mb } MB.
authoring-from = Or start from a published course
authoring-from-hint = Its current version becomes your draft.
authoring-from-none = (none)
authoring-org = Organisation the new course belongs to
authoring-org-hint = Its authors, and authors above it, review and publish the course. A new version of a published course stays with that course’s organisation.
authoring-org-choose = Choose an organisation
authoring-create = Start the draft
authoring-format = The course file format is described in docs/course-format.md, which comes with Lyceum.
draft-status-draft = Draft
draft-status-in-review = Waiting for review
draft-status-returned = Returned with a comment
draft-status-published = Published
draft-title = Draft
draft-published-as = published as version { $version }
draft-see-course = See the course
draft-review-comment = Reviewer's comment:
draft-problems = { $count ->
    [one] 1 problem to fix before it can be sent for review
   *[other] { $count } problems to fix before it can be sent for review
}
draft-document = The course file
draft-document-hint = JSON (lyceum-course/1). Problems are listed above with their place in the file; the preview shows the course once there are none.
draft-save = Save the draft
draft-submit = Send for review
draft-review = Review
draft-comment = Comment for the author
draft-comment-hint = Needed when you return the draft: say what to change.
draft-publish = Publish as the next version
draft-return = Return to the author
draft-preview = Preview
error-file-not-utf8 = The file must be UTF-8 text.
error-draft-one-source = Upload a file or choose a course, not both.
error-draft-source-required = Upload a course file or choose a published course.
error-course-not-yours = This course belongs to { $org }. Only authors there, or above it, write and publish it.
error-draft-has-problems = The course file has problems. Fix those listed below first.
flash-draft-created = Draft started.
flash-draft-saved = Draft saved.
flash-draft-submitted = Sent for review.
flash-draft-published = Published. Learners who enrol now get this version.
flash-draft-returned = Returned to its author with your comment.

## Course editor (writing a course on pages)
editor-new = Write a new course on pages
editor-new-intro = Start with the course's title: you add modules, lessons, quizzes, reflections and practice tasks on the next pages, then send it for review.
editor-start = Start writing
editor-open = Write on pages
editor-title = Write the course
editor-lead = Changes are saved to your draft as you make them. Send it for review from the draft's page, which lists anything still missing.
editor-to-draft = Go to the draft: check it and send it for review
editor-unreadable = This draft's course file cannot be edited on pages. Fix it in the course file on the draft's page first. What the reader said:
editor-details = Course details
editor-course-title = Course title
editor-course-slug = Web address name
editor-course-slug-hint = Lower-case letters, digits and hyphens, for example ai-for-feedback. A course that already has this name gets this draft as its next version.
editor-course-language = Language the course is written in
editor-course-summary = Summary
editor-course-summary-hint = One or two sentences for the catalogue.
editor-course-hours = PD hours
editor-course-hours-hint = In quarter hours, for example 1.5.
editor-course-delivery = How it is taken
editor-course-licence = Licence
editor-course-licence-hint = For example CC BY 4.0.
editor-save-details = Save course details
editor-modules = Modules and lessons
editor-no-modules = The course has no modules yet. Add the first one below.
editor-no-lessons = This module has no lessons yet.
editor-module-n = Module { $n }
editor-module-title = Module title
editor-module-actions = Rename, move or remove this module
editor-rename-module = Rename the module
editor-new-module-title = Title of a new module
editor-new-module-hint = A module groups lessons, for example "How it works".
editor-add-module = Add a module
editor-new-lesson-title = Title of a new lesson
editor-add-lesson = Add a lesson
editor-move-up = Move up
editor-move-down = Move down
editor-remove = Remove
editor-remove-lesson = Remove the lesson
editor-remove-lesson-warning = The lesson's text, quiz, reflection and task go with it.
editor-remove-module = Remove the module
editor-remove-module-warning = Its lessons go with it.
editor-lesson-title = Write the lesson
editor-lesson-lead = Write the text in Markdown, then add what the learner does: a quiz, a reflection or a practice task. A lesson without any is finished by reading it.
editor-lesson-name = Lesson title
editor-markdown = Lesson text
editor-markdown-hint = Markdown: ## for a heading, **bold**, - for a list item, [words](https://…) for a link.
editor-preview = Preview the text
editor-preview-heading = Preview of the lesson text
editor-reflection = Reflection question
editor-reflection-hint = Leave it empty for no reflection. Only the learner and their facilitators read the answers.
editor-no-quiz = This lesson has no quiz.
editor-pass-mark = Pass mark
editor-pass-mark-hint = The percentage of questions answered right that passes, from 1 to 100.
editor-max-attempts = Most attempts
editor-max-attempts-hint = From 1 to 20; leave it empty for no limit.
editor-question-n = Question { $n }
editor-question-prompt = Question
editor-question-kind = Kind of question
editor-kind-single = One right answer
editor-kind-multiple = One or more right answers (the learner picks them all)
editor-option-n = Answer { $n }
editor-option-correct = Answer { $n } is right
editor-option-feedback = Feedback for answer { $n } (optional)
editor-add-option = Add an answer
editor-remove-question = Remove the question
editor-add-question = Add a question
editor-no-task = This lesson has no practice task.
editor-add-task = Add a practice task
editor-remove-task = Remove the practice task
editor-task-instructions = What to do
editor-task-instructions-hint = Markdown. Facilitators review what the learner hands in against the criteria below.
editor-task-artefacts = What the learner hands in
editor-rubric = Criteria
editor-rubric-hint = A facilitator ticks each criterion the work meets; all must be met to accept it.
editor-criterion-n = Criterion { $n }
editor-add-criterion = Add a criterion
editor-save-lesson = Save the lesson
flash-lesson-saved = Lesson saved.
error-required--new-title = Enter the course's title.
error-choose-one--new-org = Choose the organisation the course belongs to.
error-required--course-title = Enter the course's title.
error-course-slug = Enter a web address name of lower-case letters, digits and hyphens, for example ai-for-feedback.
error-course-hours = Enter the PD hours in quarter hours from 0.25 to 200, for example 1.5.
error-required--course-summary = Enter a summary for the catalogue.
error-required--course-licence = Enter the licence, for example CC BY 4.0.
error-choose-one--course-language = Choose the language the course is written in.
error-choose-one--course-delivery = Choose how the course is taken.
error-required--module-title = Enter the module's title.
error-required--lesson-title = Enter the lesson's title.
error-required--markdown = Write the lesson's text.
error-required--task-instructions = Write what the learner should do.
error-choose-one--task-artefacts = Choose what the learner hands in.
error-number-range--pass-mark = Enter the pass mark as a whole number from 1 to 100.
error-number-range--max-attempts = Enter the most attempts as a whole number from 1 to 20, or leave it empty.
error-question-prompt = Write the text of question { $n }.
error-option-text = Write answer { $option } of question { $n }, or remove it.
error-question-one-right = Mark exactly one right answer for question { $n }, or let it have more than one.
error-question-some-right = Mark at least one right answer for question { $n }.
error-criterion-text = Write criterion { $n }, or remove it.
error-rubric-empty = Add at least one criterion the work is reviewed against.
error-editor-full = The course cannot take more of these.
error-draft-changed = This draft was saved from another page since you opened this one. Your change was not saved: check the draft below, then make it again.
review-reflections = The learner's reflections in this course
review-earlier = Earlier hand-in

## Community
home-spaces-link = Talk with other educators in the community spaces
spaces-title = Community spaces
spaces-lead = Ask, share what works and argue it out with other educators — by subject, grade band, region, union local and cohort.
spaces-mine = My spaces
spaces-mine-none = You follow no space yet. Follow one below to keep it at the top.
spaces-others = Other spaces you can join
spaces-none = There are no other spaces for you yet.
spaces-topics = { $count ->
    [one] 1 topic
   *[other] { $count } topics
}
spaces-follow = Follow { $space }
spaces-unfollow = Stop following { $space }
space-visibility-label = Who can read it
space-visibility-open = Everyone signed in (its members post)
space-visibility-members = Members only
space-title-label = Name
space-description-label = What it is for
space-description-hint = One or two sentences, shown in the list of spaces.
space-topics = Topics
space-no-topics = No topics yet. Start the first one.
list-more = Older
topic-replies = { $count ->
    [one] 1 reply
   *[other] { $count } replies
}
topic-kind-label = Kind of topic
topic-kind-discussion = A discussion
topic-kind-question = A question
topic-locked = Locked
topic-locked-note = This topic is locked: it takes no more replies.
topic-new = Start a topic
topic-title-label = Title
topic-start = Start the topic
topic-reply = Reply
topic-reply-button = Post the reply
topic-lock = Lock this topic
topic-unlock = Unlock this topic
post-body = Your post
post-body-hint = Markdown works: **bold**, *italic*, lists and links. HTML is removed.
# Mentions, the preview and formatting help (forms for writing a post).
post-preview = Preview
post-preview-heading = Preview
post-preview-hint = This is how your post will look. Nothing is posted until you press the other button.
mention-suggestions = People you can mention
mention-count = { $count ->
    [0] No one found by that name
    [one] 1 person found: use the arrow keys to choose, Enter to insert
   *[other] { $count } people found: use the arrow keys to choose, Enter to insert
}
format-help = Formatting help
format-you-write = You write
format-you-get = You get
format-bold-example = **bold words**
format-bold = Bold words
format-italic-example = *italic words*
format-italic = Italic words
format-link-example = [the words](https://example.org)
format-link = A link on the words
format-list-example = - an item
format-list = A list (one item a line; 1. for numbers)
format-quote-example = > quoted words
format-quote = A quotation
format-code-example = `code`
format-code = Code, as typed
format-mention-example = @Sam or @Sam Rivera
format-mention = A mention: someone who can see this space is told, and their name links to their posts
error-mention-unknown = No one called @{ $name } can see this space. Check the name, or remove the @.
error-mention-ambiguous = Several people called @{ $name } can see this space: { $choices }. Write more of the name, or copy the one you mean.
error-mentions-too-many = A post may mention at most { $max } people.
post-edited = edited
post-deleted = Deleted by its author.
post-edit = Edit
post-delete = Delete
post-delete-title = Delete your post?
post-delete-intro = Its text goes for good: in its place the topic will say “Deleted by its author.”
post-delete-confirm = Yes, delete it
post-delete-keep = No, keep it
post-edit-title = Edit your post
post-edit-hint = The earlier text is kept for moderators.
post-save = Save the post
post-back-to-topic = Back to the topic
error-topic-locked = This topic is locked: it takes no more replies.
org-admin-spaces-title = Community spaces
org-admin-spaces-intro = Spaces for everyone in this organisation and below it. Its members post; you choose who can read.
org-admin-spaces-none = This organisation has no spaces yet.
org-admin-spaces-new = Create a space
org-admin-spaces-create = Create the space
flash-space-created = Space created.
flash-space-followed = You follow the space.
flash-space-unfollowed = You no longer follow the space.
space-following-title = Following
space-following-told = You follow this space: its new topics reach your notifications and your email digest.
space-following-muted = You follow this space, muted: its new topics do not reach your notifications or digest.
space-not-following = Follow this space to hear of its new topics in your notifications and email digest.
space-mute = Mute new topics
space-unmute = Unmute new topics
flash-space-muted = Muted. New topics here no longer reach your notifications.
flash-space-unmuted = Unmuted. New topics here reach your notifications again.
flash-topic-started = Topic started.
flash-reply-posted = Reply posted.
flash-topic-moderated = Done, and recorded.
space-pinned = Pinned
topic-moderate = Moderate this topic
topic-moderate-why = Why (told to the author)
topic-moderate-why-hint = Needed to lock or move the topic; optional otherwise.
topic-pin = Pin to the top of the space
topic-unpin = Unpin
topic-move-to = Move it to
topic-move = Move the topic
flash-post-edited = Post saved.
flash-post-deleted = Post deleted.
topic-more = Later replies
post-accepted = Accepted answer
post-accept = Accept { $name }'s reply as the answer
notifications-title = Notifications
notifications-none = Nothing new. You are told here when someone replies to your topics, mentions you or accepts your answer, when a moderator acts on your posts or topics, when your tasks and outside PD requests are decided, and when work waits for you.
notifications-mark-read = Mark all as read
notifications-new = New
notification-reply = { $name } replied to “{ $topic }”
notification-mention = { $name } mentioned you in “{ $topic }”
notification-accepted = { $name } accepted your answer in “{ $topic }”
flash-answer-accepted = Answer accepted. Its author has been told.
flash-notifications-read = All notifications marked as read.
home-notifications-link = Notifications
home-notifications-unread = { $count ->
    [one] Notifications (1 new)
   *[other] Notifications ({ $count } new)
}
post-hidden = Hidden by a moderator.
post-flag = Report this post to the moderators
flag-title = Report a post
flag-intro = Tell the moderators what is wrong with this post. They decide; the person who wrote it is not told who reported it.
flag-why = What is wrong
flag-send = Send the report
flag-post-by = The post, by { $name }
flag-post-not-shown = This post is hidden or deleted, so its words are not shown here.
flag-category = What kind of problem is it?
flag-category-spam = Spam or advertising
flag-category-harassment = Harassment or a personal attack
flag-category-student-privacy = Private information about a student
flag-category-off-topic = Off-topic for this space
flag-category-other = Something else
flag-why-hint = Needed if you chose “Something else”; helpful otherwise.
error-choose-one--category = Choose what kind of problem it is.
error-required--why = Say why.
error-suspended = You cannot post in the spaces of { $org } until { $until }.
error-days-invalid = Enter a number of days from 1 to { $max }.
notifications-why = Why:
notification-hidden = { $name } (a moderator) hid your post in “{ $topic }”
notification-restored = { $name } (a moderator) restored your post in “{ $topic }”
notification-locked = { $name } (a moderator) locked your topic “{ $topic }”: it takes no more replies
notification-unlocked = { $name } (a moderator) unlocked your topic “{ $topic }”
notification-pinned = { $name } (a moderator) pinned your topic “{ $topic }” to the top of its space
notification-unpinned = { $name } (a moderator) unpinned your topic “{ $topic }”
notification-moved = { $name } (a moderator) moved your topic “{ $topic }” to another space
notification-new-topic = { $name } started “{ $topic }” in a space you follow
notification-task-returned = { $name } sent back your task in “{ $topic }” — see the comments
notification-task-accepted = { $name } accepted your task in “{ $topic }”
notification-course-completed = You completed “{ $topic }” when { $name } accepted your task
notification-pd-approved = { $name } approved your outside PD request “{ $topic }”
notification-pd-returned = { $name } sent back your outside PD request “{ $topic }” — see the comments
notification-pd-rejected = { $name } turned down your outside PD request “{ $topic }”
notification-hand-in-waiting = { $name } handed in a task for review in “{ $topic }”
notification-pd-request-waiting = { $name } asked for outside PD credit: “{ $topic }”
notification-roster-imported = Your roster import for { $topic } finished
notifications-certificate = Your certificate
notifications-open = Open
moderation-title = Moderation
moderation-intro = Posts reported in the spaces you moderate, oldest first. Every decision is recorded with your name and reason.
moderation-none = No reports are waiting.
moderation-not-moderator = You moderate once you are a moderator or an admin of an organisation.
moderation-flag-heading = A post by { $name } in “{ $topic }”
moderation-see-in-topic = See it in the topic
moderation-flagged-by = Reported by { $name }:
moderation-why = Reason, told to the author
moderation-why-hint = Needed to hide the post.
moderation-hide = Hide the post
moderation-dismiss = Nothing wrong: dismiss the report
moderation-restore = Show the post again
moderation-suspend = Suspend { $name } from posting in the spaces of { $org }
moderation-suspend-where = It covers the spaces of { $org } and of every organisation inside it. A suspension set by a wider organisation stays as it is.
moderation-cannot-suspend = You cannot suspend { $name }: they hold a role at or above yours here.
moderation-days = For how many days
moderation-suspend-why = Why (recorded)
moderation-suspend-button = Suspend
moderation-suspended-title = Suspension recorded
moderation-suspended-body = { $name } may not post in the spaces of { $org } until { $until }.
moderation-back = Back to the reports
home-moderation-link = Moderate the community spaces
flash-post-flagged = Thank you. The moderators will look at it.
flash-moderation-done = Decision recorded.
flash-author-suspended = The author may not post until the suspension ends.
catalogue-pages = Pages of courses
catalogue-page-of = Page { $at } of { $of }
catalogue-previous = Previous page
catalogue-next = Next page
# The catalogue for its reader (issue 17, item 3): their language first, the other one link away, best match for them.
lang-any = Every language
catalogue-sort-for-you = Best match for you
catalogue-showing-language = Showing courses in { $language }.
catalogue-show-too = Show courses in { $language } too
catalogue-showing-every-language = Showing courses in every language.
catalogue-show-only = Show only courses in { $language }
spaces-search-title = Search the community
spaces-search-label = Words to look for
spaces-search-within = Only in “{ $space }”.
spaces-search-everywhere = Search every space you can read
spaces-search-by = Only posts by { $name }.
spaces-search-by-someone = Only posts by one person.
spaces-search-by-anyone = Posts by anyone
spaces-search-this-space = Search this space
post-by-author = Posts by { $name }
spaces-search-none = No post matches.
spaces-search-newest = Newest posts first.
spaces-search-older = Older posts
reactions-label = Reactions
reaction-helpful = Helpful
reaction-thanks = Thanks
reaction-insightful = Insightful
error-posting-too-fast = You have posted a lot in the last hour. New accounts may post { $max } times an hour; try again a little later.
error-too-many-links = New accounts may put at most { $max } links in a post. Remove some, or try again in a few days.
error-too-many-edits = This post was edited { $max } times, the most a post may be. Write a reply instead.
digest-label = Email me my unread notifications
digest-hint = A short email, only when something new is waiting.
digest-off = Never
digest-daily = Once a day
digest-weekly = Once a week
digest-save = Save
decision-email-label = Email me about decisions on my work and work waiting for me
decision-email-hint = A task sent back or accepted, an outside PD request decided, a hand-in or request waiting for you, a roster import finished.
decision-email-at-once = At once
decision-email-digest = In my digest
decision-email-never = Never
flash-digest-saved = Your email choice was saved.
unsubscribe-title = Email digests
unsubscribe-done = You will get no more digest emails. Notifications stay on Lyceum.
unsubscribe-unknown = This link is not one we know. Sign in to choose your emails.
unsubscribe-settings = Choose your emails
email-digest-subject = New on Lyceum: notifications waiting for you
email-digest-body = { $count ->
    [one] You have 1 unread notification, about:
   *[other] You have { $count } unread notifications, about:
}
email-digest-new-topic = • { $topic } — a new topic in { $space }
email-digest-action = Read them on Lyceum
email-digest-unsubscribe = To stop these emails, open { $link }
email-notice-action = Open it on Lyceum
email-notice-certificate = Your certificate: { $link }
email-notice-settings = You get these emails as they happen. To have them in your digest instead, or not at all, choose on your notifications page.
post-quote = Quote { $name } in your reply
topic-subject = Subject
topic-grade-band = Grade band
topic-competency = Competency (AI competency framework)
topic-tags-hint = Tags help colleagues in other spaces find your topic.
topic-tags = Tags
spaces-search-since = Posted since

## Roster import notices: roster-notice-<code>, what a package did against the specification that was read anyway
import-notices-title = Read anyway
import-notices-intro = The package bends the OneRoster specification here. Lyceum read it all the same; tell whoever exports your roster if something looks wrong.
import-notice = Notice
roster-notice-no-manifest = The package has no manifest.csv: the files present were read as bulk (the whole roster).
roster-notice-active-in-bulk = Rows of this bulk file that say status “active”: { $count } (the first on line { $first_line }). A bulk file lists only what is active, so it was read as blank.
roster-notice-date-in-bulk = Rows of this bulk file with a dateLastModified: { $count } (the first on line { $first_line }). It was ignored.
roster-notice-column-order = Column { $column } comes after column { $after }, unlike the specification. It was read by its name.
roster-notice-org-before-parent = Organisations listed before their parent organisation: { $count } (the first on line { $first_line }). They were placed under it all the same.
roster-notice-roles-from-users = Roles were read from the OneRoster 1.1 columns role and orgSourcedIds of users.csv.
roster-notice-users-not-imported = Users skipped: { $count }. Lyceum takes staff only, not students, parents, guardians, relatives or proctors.
roster-notice-same-email-merged = “{ $value }” is also the email on line { $first_line }: both rows are one person, with the roles of both.

## Workshops

session-mode-in_person = In person
session-mode-virtual = Online
session-mode-both = In person and online
registration-status-pending = Waiting for approval
registration-status-confirmed = Confirmed
registration-status-waitlisted = On the waitlist
registration-status-cancelled = Cancelled
registration-status-declined = Not approved
attendance-mark-present = Present
attendance-mark-late = Late
attendance-mark-left_early = Left early
attendance-mark-absent = Absent
attendance-mark-excused = Excused
error-sessions-required = Add at least one session.
error-too-many = Too many: at most { $max }.
error-time-invalid = Enter a time like 09:30 or 15:45.
error-workshop-hours-invalid = Enter hours in quarter hours, from 0 to 200, for example 1.5.
error-capacity-invalid = Enter a number of seats from 1 to 100,000.
error-percent-invalid = Enter a whole number from 0 to 100.
error-reminder-invalid = Enter minutes from 0 (no reminder) to 10,080 (a week).
error-closes-before-opens = Registration must close on or after the day it opens.
error-closes-after-last-session = Registration must close by the day after the last session.
error-venue-required = Enter the venue or the address of an in-person session.
error-meeting-url-required = Enter the meeting link of an online session.
error-meeting-url-invalid = Enter a meeting link that starts with https://.
error-ends-before-start = The session must end after it starts.
error-session-too-long = A session lasts at most { $hours } hours. Split a longer day into sessions.
workshop-news-seat_confirmed = Seat confirmed
workshop-news-reminder = Reminder
workshop-news-changed = Changed
workshop-news-cancelled = Cancelled
email-workshop-seat_confirmed-subject = Your seat in a Lyceum workshop is confirmed
email-workshop-seat_confirmed-body = You have a seat in “{ $offering }”. The first session starts { $when }.
email-workshop-reminder-subject = Your Lyceum workshop starts soon
email-workshop-reminder-body = “{ $offering }” starts { $when }.
email-workshop-changed-subject = A Lyceum workshop you registered for has changed
email-workshop-changed-body = The sessions of “{ $offering }” have changed. The next one starts { $when }.
email-workshop-cancelled-subject = A Lyceum workshop you registered for was cancelled
email-workshop-cancelled-body = “{ $offering }” was cancelled. It was to start { $when }.
email-workshop-note = The organiser wrote: { $note }
email-workshop-action = See the workshop

## Workshops — finding offerings, an offering's page, registering, one's sessions
# (this section's messages go below this line)
offering-session-calendar = Add to calendar (.ics)
offering-session-attendance = Take attendance
offering-session-survey = Answer the survey
offering-more-title = More for this workshop
offering-calendar-all = All sessions in your calendar (.ics)
offering-calendar-feed = Your calendar feed
offering-check-in-link = Check in with the room's code
offering-space-link = The workshop's discussion space
offering-roster-link = Roster and attendance
offering-survey-results-link = Survey results
offering-manage-link = Edit, copy or cancel
offering-registrations-link = Registrations and approvals
nav-workshops = Workshops
offerings-title = Workshops and cohorts
offerings-intro = Workshops and cohort courses you may join, soonest first.
offerings-mine-link = My sessions
offerings-find-link = Find workshops
offerings-back = All workshops
offerings-filter-label = Find workshops
offerings-filter = Filter
offerings-near = Near me
offerings-anywhere = Anywhere
offerings-near-district = In my district
offerings-near-state = In my state
offerings-state = State
offerings-state-hint = Choosing a state replaces “Near me”.
offerings-any-state = Any state
offerings-course = Course
offerings-any-course = Any course
offerings-from = Starting from
offerings-to = Starting by
offerings-date-hint = For example, 2027-01-31.
offerings-virtual = Online only
offerings-search = Show workshops
offerings-none = No workshops are open to you yet.
offerings-no-match = No workshops match these filters.
offerings-more = More workshops
offerings-cohort-of = A cohort of the course “{ $course }”
offerings-yours = You: { $status }
offering-seats-left = { $count ->
    [one] 1 seat left
   *[other] { $count } seats left
}
offering-full-waitlist = { $count ->
    [0] Full. The waitlist is empty.
    [one] Full. 1 person is on the waitlist.
   *[other] Full. { $count } people are on the waitlist.
}
offering-when-until = { $start }, until { $end }
offering-own-zone = Where it is held: { $time } ({ $zone })
offering-title = Workshop
offering-organiser = Organised by
offering-course = Course
offering-facilitators = Facilitators
offering-pd-hours = PD hours
offering-seats = Seats
offering-capacity = { $capacity } in all. { $seats }
offering-registration = Registration
offering-window = Opens { $opens }, closes { $closes }
offering-credit = Credit
offering-credit-rule = Attend at least { $percent }% of the sessions to earn the PD hours.
offering-credit-rule-course = Attend at least { $percent }% of the sessions and complete the course to earn the PD hours.
offering-competencies = Competencies
offering-your-registration = Your registration
offering-register = Register
offering-cancel-registration = Cancel my registration
offering-register-seat = A seat is free: registering gives you one.
offering-register-waitlist = All seats are taken. Registering puts you on the waitlist; if a seat frees, it is yours in order of arrival and we email you.
offering-register-approval = An organiser approves each registration. We email you when your seat is confirmed.
offering-you-confirmed = You have a seat.
offering-you-waitlisted = { $count ->
    [one] You are next on the waitlist. If a seat frees, it is yours and we email you.
   *[other] You are number { $count } on the waitlist. If a seat frees for you, we email you.
}
offering-you-pending = Your registration is waiting for an organiser's approval.
offering-no-registering-cancelled = This workshop was cancelled: registration is closed.
offering-opens-on = Registration opens { $when }.
offering-closed-on = Registration closed { $when }.
offering-not-for-you = This workshop is for members of another organisation: you cannot register.
offering-cancelled = This workshop was cancelled.
offering-cancelled-because = This workshop was cancelled. The organiser wrote: { $message }
offering-cancelled-short = Cancelled by the organiser
offering-sessions = { $count ->
    [one] 1 session
   *[other] { $count } sessions
}
offering-session-n = Session { $number }
offering-session-cancelled = cancelled
offering-session-when = { $start } to { $end }
offering-meeting-link = Join the meeting
offering-link-when-confirmed = The meeting link shows here once you have a seat.
offerings-mine-title = My workshop sessions
offerings-mine-upcoming = Coming up
offerings-mine-no-sessions = You have no sessions coming up.
offerings-mine-history = My history
offerings-mine-no-history = No past workshops yet.
offerings-mine-offering = Workshop
offerings-mine-when = When
offerings-mine-status = Registration
offerings-mine-had-seat = Had a seat
flash-offering-seat-taken = You are registered: the seat is yours.
flash-offering-waitlisted = All seats are taken: you are on the waitlist.
flash-offering-awaiting-approval = Your registration was sent: an organiser will approve it.
flash-offering-left = Your registration was cancelled.
error-already-registered = You are already registered for this workshop.
error-outside-audience = This workshop is for members of another organisation: you cannot register.
error-registration-not-open = Registration for this workshop has not opened yet.
error-registration-closed = Registration for this workshop has closed.
error-offering-cancelled = This workshop was cancelled.
error-not-registered = You are not registered for this workshop.


## Workshops — creating, editing, copying and cancelling offerings; registering others; approvals
# (this section's messages go below this line)
offerings-admin-title = Workshops
offerings-admin-intro = Workshops and cohorts organised here and by the organisations below, with seats taken, waitlists and requests waiting for approval.
offerings-admin-none = No workshops are organised here yet.
offerings-new-title = New workshop
offerings-edit-title = Edit workshop
offerings-copy-title = Copy to a new date
offerings-cancel-title = Cancel the workshop
offerings-people-title = Registrations and approvals
offerings-manage-back = Back
offerings-col-offering = Workshop
offerings-col-organiser = Organised by
offerings-col-starts = Starts
offerings-col-seats = Seats taken
offerings-col-waitlist = Waitlist
offerings-col-pending = Waiting for approval
offerings-col-line = Line
offerings-col-email = Email
offerings-col-outcome = Outcome
offerings-cancelled-by-organiser = cancelled by the organiser
offerings-cancelled-already = This workshop was cancelled by the organiser.
offerings-warnings-title = Facilitators booked twice
offerings-double-booked = { $name } also facilitates a session starting { $when }, at the same time as session { $session }. The workshop was saved all the same.
offerings-field-title = Title
offerings-field-description = Description
offerings-field-language = Language it is held in
offerings-language-en = English
offerings-language-es = Spanish
offerings-field-course = Course
offerings-field-course-hint = For a cohort that takes a course together. Leave as it is for a standalone workshop.
offerings-field-course-none = None: a standalone workshop
offerings-field-audience = Who may register
offerings-field-audience-hint = People of this organisation (and those below it), or anyone signed in.
offerings-field-audience-anyone = Anyone signed in
offerings-field-hours = PD hours
offerings-field-hours-hint = In quarter hours, for example 1.5.
offerings-field-capacity = Seats
offerings-field-capacity-hint = Never fewer than the seats already taken.
offerings-field-opens = Registration opens on
offerings-field-closes = Registration closes on
offerings-field-closes-hint = By the day after the last session. Dates are on the first session's calendar.
offerings-field-needs-approval = An admin approves each registration before the seat is confirmed
offerings-field-credit-percent = Share of sessions attended for credit (%)
offerings-field-credit-percent-hint = Left empty: 80.
offerings-field-credit-course = For credit, the course must be completed too
offerings-field-remind-first = First reminder, minutes before each session
offerings-field-remind-second = Second reminder, minutes before each session
offerings-field-remind-hint = Left empty: a day (1440) and an hour (60). 0: no reminder.
offerings-field-facilitators = Facilitators
offerings-field-facilitators-hint = People with the facilitator role here, above or below.
offerings-field-facilitators-none = Nobody holds the facilitator role here, above or below yet.
offerings-field-competencies = Competencies
offerings-sessions-title = Sessions
offerings-sessions-hint = Times are on the clocks of the session's time zone. A row left blank is not saved.
offerings-session-legend = Session { $count }
offerings-session-date = Date
offerings-session-start = Starts at
offerings-session-end = Ends at
offerings-session-time-hint = 24-hour, for example 16:30.
offerings-session-zone = Time zone
offerings-session-zone-hint = For example America/Chicago.
offerings-session-mode = Held
offerings-session-venue = Venue
offerings-session-address = Address
offerings-session-place-hint = For a session in person: the venue or the address.
offerings-session-room = Room
offerings-session-link = Meeting link
offerings-session-link-hint = For a session online: starts with https://. Shown only to people with a seat and the facilitators.
offerings-session-remove = Remove session { $count }
offerings-session-add = Add another session
offerings-save = Save the workshop
offerings-copy-intro = The copy has the same sessions, moved together to the new date, with the same times on each session's clock. Registrations are not copied. The copy opens for editing.
offerings-copy-first-date = Date of the first session
offerings-copy-first-date-hint = For example 2027-03-15.
offerings-copy-button = Copy the workshop
offerings-cancel-intro = Every session is cancelled. Everyone registered, waiting or asking for a seat is emailed in their language with your note. Their registrations stay, shown as cancelled by the organiser.
offerings-cancel-message = Note to the people registered
offerings-cancel-message-hint = Optional, up to 1,000 characters. For example, why, and what comes instead.
offerings-cancel-button = Cancel the workshop and tell everyone
offerings-report-title = What happened to each person
offerings-pending-title = Waiting for approval
offerings-pending-none = No registrations are waiting for approval.
offerings-pending-asked = asked { $when }
offerings-pending-own = This is your own registration: another admin decides it.
offerings-approve = Approve
offerings-decline = Decline
offerings-others-title = Register others
offerings-others-intro = Register one person by email, or a list. Each person gets a seat if one is free, else a place on the waitlist, with no approval needed.
offerings-others-email = One person's email
offerings-others-email-hint = Leave empty to send a list instead.
offerings-others-list = A list of emails
offerings-others-list-hint = One email a line (a CSV column). A first line “email” is skipped.
offerings-others-file = Or a CSV file of emails
offerings-others-button = Register
offerings-outcome-registered = Registered
offerings-outcome-waitlisted = On the waitlist
offerings-outcome-unknown-email = Nobody has an account with this email
offerings-outcome-outside-audience = Outside the workshop's audience
offerings-outcome-already-registered = Already registered
flash-offering-created = The workshop was created.
flash-offering-saved = The workshop was saved.
flash-offering-copied = The workshop was copied. Check the copy and save it.
flash-offering-cancelled = The workshop was cancelled and everyone registered was told.
flash-registration-decided = The decision was saved and the person told.
error-capacity-below-confirmed = { $count } seats are already taken: the workshop cannot have fewer seats.
error-not-a-facilitator = This person does not hold the facilitator role here, above or below.
error-audience-outside = Choose this organisation or one below it.
error-unknown-competency = “{ $value }” is not a competency of the framework.
error-decide-own-registration = You cannot decide your own registration: another admin decides it.
error-not-pending = This registration is no longer waiting for approval.
error-already-cancelled = This workshop was cancelled by the organiser and can no longer change.
error-required--capacity = Enter the number of seats.
error-required--registration_opens = Enter the day registration opens.
error-required--registration_closes = Enter the day registration closes.
error-required--sessions-date = Enter the session's date.
error-required--sessions-start = Enter the time the session starts.
error-required--sessions-end = Enter the time the session ends.
error-required--sessions-time_zone = Enter the session's time zone, for example America/Chicago.
error-choose-one--sessions-mode = Choose where the session is held.
error-choose-one--course = Choose a course from the list, or none.
error-choose-one--audience = Choose who may register from the list.
error-required--first_date = Enter the date of the copy's first session.
error-people-required = Enter an email address, or a list of them.


## Workshops — attendance, check-in and credit
# (this section's messages go below this line)
certificate-workshop = Workshop
workshop-credit-reversed-reason = Attendance was corrected, and the workshop’s credit rule is no longer met.
flash-attendance-saved = Attendance saved.
flash-checked-in = You are checked in.
offering-checked-in = You are checked in for this session.
workshop-roster-title = Roster: { $offering }
workshop-roster-offering = The workshop
workshop-roster-intro = The people with a seat, the waitlist in its order and those waiting for approval, with their attendance at each session.
workshop-roster-rule = Credit rule: attend at least { $percent } % of the sessions.
workshop-roster-rule-course = Credit rule: attend at least { $percent } % of the sessions and complete the course.
workshop-roster-csv = Download the roster with attendance (CSV)
workshop-roster-sessions = Sessions
workshop-roster-session-n = Session { $n }
workshop-roster-session-cancelled = cancelled
workshop-roster-mark = Mark attendance
workshop-roster-confirmed = With a seat ({ $count })
workshop-roster-waitlist = Waitlist, in order ({ $count })
workshop-roster-pending = Waiting for approval ({ $count })
workshop-roster-none = Nobody.
workshop-roster-name = Name
workshop-roster-email = Email
workshop-roster-status = Status
workshop-roster-position = Place in line
workshop-roster-credit = Credit
workshop-roster-credited = Earned
workshop-roster-not-credited = Not yet
workshop-roster-unmarked = Not marked
workshop-attendance-title = Attendance: session { $n } of { $offering }
workshop-attendance-intro = Choose a mark for each person, then save. You can correct any mark later; every change is recorded.
workshop-attendance-code = Check-in code
workshop-attendance-code-hint = Show this code in the room. People with a seat type it at { $address }, from 30 minutes before the start until the end.
workshop-attendance-save = Save attendance
workshop-attendance-nobody = Nobody holds a seat yet.
workshop-attendance-back = The roster
workshop-checkin-title = Check in: { $offering }
workshop-checkin-intro = Type the code your facilitator shows in the room.
workshop-checkin-open = Check-in is open for the session that starts { $when }.
workshop-checkin-code = Check-in code
workshop-checkin-code-hint = Six letters and numbers, for example K7P MX3. Spaces and small letters are fine.
workshop-checkin-submit = Check in
error-attendance-session-cancelled = This session was cancelled: there is nothing to mark.
error-attendance-not-on-roster = Person { $value } holds no seat in this workshop, so they cannot be marked.
error-attendance-mark-invalid = Choose one of the five marks: present, late, left early, absent or excused.
error-checkin-code-required = Type the check-in code.
error-checkin-not-registered = Only people with a confirmed seat can check in.
error-checkin-wrong-code = That code is not right. Check it against the screen and try again.
error-checkin-other-session = That code is for another session of this workshop.
error-checkin-not-open = Check-in opens at { $when }.
error-checkin-over = Check-in has closed: the session is over. Ask your facilitator to mark you.
error-checkin-cancelled = This session was cancelled.
error-checkin-wait = Too many codes tried. Wait { $unit ->
    [seconds] { $count ->
        [one] 1 second
       *[other] { $count } seconds
    }
   *[minutes] { $count ->
        [one] 1 minute
       *[other] { $count } minutes
    }
} and try again.


## Workshops — calendars and reminders
# (this section's messages go below this line)
calendar-title = Calendar feed
account-calendar-hint = your workshop sessions in your own calendar app.
calendar-intro = Your calendar feed is a private address that calendar apps (Google Calendar, Outlook, Apple Calendar) subscribe to. It lists the sessions of every workshop you hold a seat in or facilitate, with their links, and keeps them up to date; cancelled sessions show as cancelled. Anyone with the address can read it, so keep it to yourself.
calendar-created-title = Your new feed address
calendar-feed-label = Calendar feed address
calendar-feed-hint = Copy it now and add it to your calendar app as a subscription ("From URL"). It is shown only this once.
calendar-copy = Copy address
calendar-copied = Address copied.
calendar-made-on = Your feed address was made { $when }.
calendar-shown-once = For your privacy we keep only a fingerprint of it, so it cannot be shown again. If you lost it, make a new one.
calendar-none = You have no feed address yet.
calendar-make-title = Make your feed address
calendar-make = Make my feed address
calendar-reset-title = Make a new address
calendar-reset-warning = The address you have now will stop working at once; calendars subscribed to it stop updating.
calendar-reset = Make a new address
calendar-feed-name = Lyceum workshops
email-workshop-reminder-calendar = Add it to your calendar: { $link }


## Workshops — surveys and the offering's community space
# (this section's messages go below this line)
survey-title = Session survey
survey-results-title = Survey results
survey-session = Session of { $when }
survey-back = Back to the workshop
survey-anonymous = Your answer is stored without your name: nobody can tell it is yours. Facilitators see results only once at least { $min } people answered.
survey-comment-hint = Optional. At most { $max } characters.
survey-send = Send my answer
survey-point-1 = Strongly disagree
survey-point-2 = Disagree
survey-point-3 = Neither agree nor disagree
survey-point-4 = Agree
survey-point-5 = Strongly agree
survey-default-useful = The session was useful for my teaching.
survey-default-apply = I can apply what I learned next week.
survey-default-clear = The facilitator explained clearly.
survey-default-pace = The pace was right.
survey-default-recommend = I would recommend it to a colleague.
survey-default-change = What would you change?
survey-refused-survey-cancelled = This session was cancelled, so it has no survey.
survey-refused-survey-not-yet = The survey opens when the session ends.
survey-refused-survey-not-attended = Only people who attended this session can answer its survey.
survey-refused-survey-answered = You answered this survey. Thank you.
survey-results-intro = Answers are anonymous. Results are shown only where at least { $min } people answered; the overall results count only those sessions.
survey-overall = All sessions
survey-answers = { $count ->
    [one] { $count } answer
   *[other] { $count } answers
}
survey-mean = Mean (1–5)
survey-no-comments = Nobody wrote an answer to this question.
survey-too-few = Too few answers to show (fewer than { $min }).
survey-questions = Survey questions
survey-questions-intro = Each statement is rated from “Strongly disagree” to “Strongly agree”. Leave a statement empty to drop it.
survey-questions-locked = People have answered the survey, so its questions can no longer change.
survey-item-1 = Statement 1
survey-item-2 = Statement 2
survey-item-3 = Statement 3
survey-item-4 = Statement 4
survey-item-5 = Statement 5
survey-free-text = Free-text question
survey-free-text-hint = Optional. Leave it empty to ask none.
survey-questions-save = Save the questions
flash-survey-answered = Thank you. Your answer was recorded without your name.
flash-survey-questions-saved = The survey questions were saved.
error-survey-not-yet = The survey opens when the session ends.
error-survey-not-attended = Only people who attended this session can answer its survey.
error-survey-answered = You have already answered this survey.
error-survey-cancelled = This session was cancelled, so it has no survey.
error-survey-locked = People have answered the survey, so its questions can no longer change.
error-choose-one--rating = Choose how much you agree.
error-required--item = Write at least one statement.
error-space-archived = This space is archived: it is read-only now.
space-visibility-offering = The workshop’s participants and facilitators
space-archived-note = This workshop space is archived: you can read it, but nobody can post in it any more.


## Practice library
notification-practice-waiting = { $name } submitted the classroom practice “{ $topic }” for review
notification-practice-returned = { $name } returned your classroom practice “{ $topic }” with comments
notification-practice-published = { $name } published your classroom practice “{ $topic }”
notification-trial-reported = { $name } reported trying “{ $topic }”
notification-tier-decided = { $name } decided the evidence tier of “{ $topic }”
notification-challenge-addressed = Your challenge report “{ $topic }” was addressed: see what answered it
challenge-category-academic-integrity = Academic integrity
challenge-category-student-privacy = Student privacy
challenge-category-bias = Bias or unfair output
challenge-category-wrong-answers = Wrong or invented answers
challenge-category-access-equity = Access and equity
challenge-category-workload = Workload
challenge-category-unclear-policy = Missing or unclear policy
challenge-category-student-wellbeing = Student wellbeing
challenge-category-other = Other
challenge-severity-nuisance = A nuisance
challenge-severity-harms-learning = Harms learning
challenge-severity-harms-student = Harms a student
challenge-status-new = New
challenge-status-triaged = Triaged
challenge-status-addressed = Addressed
challenge-status-declined = Declined
challenge-answer-course = A course
challenge-answer-lesson = A lesson
challenge-answer-practice = A classroom practice
challenge-answer-resource = A resource
challenge-answer-guidance = Guidance written here
challenge-dimension-category = Category
challenge-dimension-grade-band = Grade band
challenge-dimension-locale = School locale
challenge-dimension-title-i = Title I
error-choose-one--severity = Choose how much it hurt.
error-too-many-tags = Use at most { $max } tags.
error-tag-too-long = The tag “{ $tag }” is too long. Use at most { $max } characters for each tag.
error-answer-required = Say what answered it before marking it addressed.
error-unknown-answer = There is no such course, lesson, practice or resource.
error-challenge-status-not-allowed = A report that is { $from } cannot become { $to }.
error-challenge-merge-itself = A report cannot be merged into itself.
error-challenge-merged-already = That report was merged into another one. Merge into that one instead.
error-unknown-challenge = There is no such report that you may triage.
practice-draft-status-draft = Draft
practice-draft-status-submitted = Waiting for review
practice-draft-status-returned = Returned with comments
licence-cc-by = CC BY 4.0 (attribution)
licence-cc-by-sa = CC BY-SA 4.0 (attribution, share alike)
licence-cc0 = CC0 1.0 (no rights reserved)
fidelity-as_written = As written
fidelity-adapted = Adapted
fidelity-loosely = Loosely
design-none = No outcome measured
design-pre_post = Before and after, no comparison group
design-correlational = Correlational study
design-comparison = Comparison group (quasi-experimental)
design-randomised = Randomised controlled trial
effect-direction-positive = Positive
effect-direction-none = No clear effect
effect-direction-negative = Negative
essa-tier-1 = Tier 1: strong evidence
essa-tier-2 = Tier 2: moderate evidence
essa-tier-3 = Tier 3: promising evidence
essa-tier-4 = Tier 4: demonstrates a rationale
resource-kind-lesson_plan = Lesson plan
resource-kind-prompt_template = Prompt template
resource-kind-guidance = Guidance document
resource-kind-policy_template = Policy template

## Practice library — a practice's page, writing and submitting, curators' review, following
# (this section's messages go below this line)
error-required--summary = Write a short summary: what the practice is, in a sentence or two.
error-required--goal = Say what students learn or do better with this practice.
error-required--steps = Write the steps another teacher would follow.
error-required--materials-title = Give the material a title.
error-required--materials-licence = Say under which licence the material may be shared.
error-required--materials-url = Give the material's web address, or attach a file.
practice-title = Classroom practice
practice-new-title = Share a classroom practice
practice-edit-title = Edit your classroom practice
practice-mine-title = My classroom practices
practice-queue-title = Classroom practices waiting for review
practice-review-title = Review a classroom practice
practice-new-link = Share a classroom practice
practice-edit-link = Edit
practice-mine-none = You have not shared a classroom practice yet. Share one that worked in your class: colleagues can try it and report back.
practice-mine-published = Published, version { $version }
practice-mine-next-version = Version { $version }: { $status }
practice-mine-updated = changed { $when }
practice-curator-comments = The curator’s comments
practice-queue-intro = Practices submitted by educators of the organisations you curate for. Publish one when it is ready for colleagues to try, or return it with comments saying what should change.
practice-queue-empty = Nothing is waiting for review.
practice-queue-submitted = submitted { $when }
practice-queue-first = first version
practice-queue-next-version = new version { $version }
practice-author-gone = a former member
practice-field-org = Shared by
practice-field-org-hint = The organisation the practice belongs to. Its curators review it.
practice-field-language = Written in
practice-field-title = Title
practice-field-summary = Summary
practice-field-summary-hint = Two or three sentences a colleague reads in a list: what students do, and with which AI tool.
practice-field-goal = Goal
practice-field-goal-hint = What students learn or do better because of it.
practice-field-subjects = Subjects
practice-field-grade-bands = Grade bands
practice-field-competencies = Competencies
practice-field-competencies-hint = Choose up to 10 the practice builds.
practice-field-tools = AI tools
practice-field-tools-hint = As you would name them to a colleague, e.g. “MagicSchool, ChatGPT (school account)”.
practice-field-steps = Steps
practice-field-steps-hint = What you and your students do, in order. Markdown works: a line starting “1.” numbers a step, **bold** marks a word. Scripts are not allowed.
practice-field-minutes = Minutes in class
practice-field-minutes-hint = A number from 1 to 600.
practice-field-materials = Materials
practice-field-materials-hint = Prompts, handouts, rubrics: a link, or a PDF, PNG or JPEG file of up to 5 MB, each with its licence. Clear a material’s title and link to remove it.
practice-field-equity-notes = Equity and access
practice-field-equity-notes-hint = Optional. What helps every student take part: language support, devices, accommodations.
practice-field-privacy-notes = Student privacy
practice-field-privacy-notes-hint = Optional. What students must not enter into the tool, the accounts used, your district’s approval.
practice-field-logic-model = Why it should work
practice-field-logic-model-hint = Optional: inputs, activities and the outcomes you expect. A practice needs one for evidence tier 4.
practice-field-licence = Licence
practice-field-licence-hint = Others may share and adapt your practice under it.
practice-material-n = Material { $n }
practice-material-title = Title
practice-material-url = Link
practice-material-file = Or a file
practice-material-file-hint = PDF, PNG or JPEG, up to 5 MB.
practice-material-licence = Its licence
practice-material-kept-file = Kept file:
practice-save = Save draft
practice-submit = Submit for review
practice-submit-hint = A curator of the organisation reads it, then publishes it or returns it with comments.
practice-waiting-note = This draft is waiting for a curator. You can edit it again once they have published or returned it, or take it back now.
practice-withdraw = Take back from review
practice-withdraw-hint = It becomes your draft again; submit it again when it is ready.
practice-next-version = You are writing version { $version }. Readers see the current version until a curator publishes this one.
practice-draft-line = Draft: { $status }
practice-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
practice-review-own = You wrote this practice: another curator decides on it.
practice-review-changes = What changes in version { $version }
practice-review-was = Now
practice-review-now = Proposed
practice-review-draft = The draft in full
practice-review-decide = Your decision
practice-review-publish = Publish
practice-review-comments = Comments for the author
practice-review-comments-hint = Needed to return it: say what should change, and why.
practice-review-return = Return with comments
practice-review-link = Review it
practice-by = By { $author }, { $owner }
practice-not-published = Not published yet
practice-version = Version { $version }
practice-earlier-version = This is an earlier version.
practice-current-version = See the current version
practice-try-heading = Tried it?
practice-try-link = Try it and report back
practice-following = You follow this practice: you hear of new trial reports.
practice-follow = Follow this practice
practice-unfollow = Stop following
practice-follow-hint = Hear when a colleague reports trying it.
practice-discuss = Discuss it with colleagues
practice-versions = Versions
practice-licence-intro = Shared under
flash-practice-saved = Your draft was saved.
flash-practice-submitted = Your practice was sent to the curators.
flash-practice-withdrawn = Your practice is a draft again: nobody will review it until you submit it.
flash-practice-not-waiting = That practice is no longer waiting for review: a curator has already decided.
flash-practice-published = The practice was published.
flash-practice-returned = The practice was returned to its author with your comments.
flash-practice-already-decided = Another curator decided on this practice first.
flash-practice-followed = You follow this practice now.
flash-practice-unfollowed = You no longer follow this practice.
error-choose-at-least-one = Choose at least one.
error-choose-at-least-one--subjects = Choose at least one subject.
error-choose-at-least-one--grade_bands = Choose at least one grade band.
error-out-of-range--minutes = Enter the minutes in class as a number from 1 to { $max }.
error-link-or-file = Give either a link or a file of this practice, not both.
error-markdown-script--steps = The steps contain a script, an event handler or a javascript: link. Remove it: readers’ browsers would run it.
error-draft-changed--revision = This draft was saved from another page since you opened this one. Your text is below, not saved: compare it with the draft, then save again to replace it.
error-practice-waiting = This practice is waiting for a curator: it cannot change until they decide.
error-practice-not-waiting = This practice is not waiting for review.
error-already-decided = Another curator already decided on this practice.
error-practice-changed-since-read = This draft changed since you opened it. Nothing was decided: read it again before you decide.
error-required--comments = Say what should change.
error-choose-one--competencies = Choose competencies from the list.
error-choose-one--subjects = Choose subjects from the list.
error-choose-one--grade_bands = Choose grade bands from the list.
error-choose-one--licence = Choose a licence from the list.

## Practice library — browsing and search
# (this section's messages go below this line)
library-browse-title = Classroom practices
library-browse-intro = Classroom uses of AI that teachers found worth sharing, with what happened when others tried them and the evidence behind each.
home-library-link = Find classroom practices colleagues tried, and share yours
library-browse-search-label = Find a classroom practice
library-browse-search = Search practices
library-browse-search-hint = Words from the title, summary, goal, tools or steps, for example “feedback”.
library-browse-filter = Filter
library-browse-tier = Evidence tier
library-browse-tier-1 = Tier 1: strong
library-browse-tier-2 = Tier 2: moderate
library-browse-tier-3 = Tier 3: promising
library-browse-tier-4 = Tier 4: rationale
library-browse-tier-none = Not yet rated
library-browse-sort-label = Order
library-browse-sort-newest = Newest
library-browse-sort-trials = Most tried
library-browse-sort-title = Title
library-browse-sort-relevance = Best match
library-browse-button = Search
library-browse-found = { $count ->
    [one] 1 practice
   *[other] { $count } practices
}
library-browse-none = No classroom practice has been published yet.
library-browse-no-match = No practice matches. Try fewer words or fewer filters.
library-browse-tried = { $count ->
    [0] Not tried yet
    [one] Tried in 1 classroom
   *[other] Tried in { $count } classrooms
}
library-browse-proposed = Proposed: { $tier }
library-browse-not-rated = Evidence not yet rated
library-browse-pages = Pages of practices
library-browse-page-of = Page { $at } of { $of }
library-browse-previous = Previous page
library-browse-next = Next page
library-browse-showing-language = Showing practices in { $language }.
library-browse-show-too = Show practices in { $language } too
library-browse-showing-every-language = Showing practices in every language.
library-browse-show-only = Show only practices in { $language }
error-choose-one--tier = Choose an evidence tier from the list.

## Practice library — trial reports, their summary and the researchers' export
# (this section's messages go below this line)
trials-heading = Tried in classrooms
trials-summary = Tried in { $classrooms ->
    [one] one classroom
   *[other] { $classrooms } classrooms
} in { $states ->
    [0] no recorded state
    [one] one state
   *[other] { $states } states
} ({ $rural } rural, { $titlei } Title I); { $again } would use it again
trials-summary-none = Nobody has reported trying this practice yet. Be the first.
trials-see-all = { $count ->
    [one] Read the report
   *[other] Read all { $count } reports
}
trials-file = Report how it went in your classroom
trials-form-title = Report a trial
trials-list-title = Trial reports
trials-none-yet = No reports yet.
trials-updating = You have reported on this version already. Sending this form updates your report.
trials-your-classroom = Your classroom
trials-classroom-hint = Your school, its state, locale and Title I status come from your profile and your school, and are not typed here.
trials-school = School
trials-state = State
trials-locale = Locale
trials-title-i = Title I
trials-not-recorded = Not recorded
trials-choose = Choose…
trials-subject = Subject
trials-grade-band = Grade band
trials-students = Students in the class
trials-students-hint = One classroom: 1 to 200 students.
trials-periods = Class periods used
trials-periods-hint = From 1 to 200.
trials-fidelity = How closely you followed it
trials-happened = What happened
trials-happened-hint = What students did, what the AI tool did well or badly, what surprised you. Up to 5,000 characters. Do not name students.
trials-would-change = What you would change (optional)
trials-use-again = Would you use it again?
trials-yes = Yes
trials-no = No
trials-outcomes = Outcome evidence
trials-outcomes-hint = Only if you measured an outcome. Leave “No outcome measured” chosen otherwise.
trials-design = How the outcome was measured
trials-controls = The study controlled statistically for selection bias
trials-sample-size = Students in the study (all groups)
trials-comparison-size = Of them, in the comparison or control group
trials-comparison-hint = Needed for comparison-group and randomised designs; fewer than the students in the study.
trials-sites = Schools or districts the study ran in
trials-measure = What was measured
trials-measure-hint = A test or rubric, for example “district writing rubric, 4 traits”.
trials-effect-direction = Effect
trials-not-measured = Not reported
trials-effect-size = Effect size (standardised)
trials-effect-size-hint = From −5.00 to 5.00, for example 0.25.
trials-significant-legend = Was the effect statistically significant?
trials-not-reported = Not reported
trials-send = Send report
trials-update = Update my report
trials-yours = Yours
trials-edit-yours = Edit your report
trials-filed-on = Reported { $date }
trials-version = Version { $version }
trials-pages = Pages of reports
trials-newer = Newer reports
trials-older = Older reports
trials-former-member = A former member
trials-would-again = Would use it again
trials-would-not-again = Would not use it again
trials-classroom = { $place }; { $students ->
    [one] one student
   *[other] { $students } students
}, { $periods ->
    [one] one period
   *[other] { $periods } periods
}
trials-evidence = { $design }: { $sample } students, { $sites ->
    [one] one site
   *[other] { $sites } sites
}
trials-evidence-comparison = , { $n } in the comparison group
trials-evidence-effect = ; { $direction ->
    [positive] positive effect
    [negative] negative effect
   *[none] no clear effect
} on { $measure }{ $size ->
    [none] {""}
   *[other] {" "}(effect size { $size })
}
trials-significant = , statistically significant
trials-not-significant = , not statistically significant
flash-trial-filed = Thank you. Your trial report is published with the practice.
flash-trial-updated = Your trial report is updated.
error-number-range--students = Enter the number of students from 1 to 200: more than 200 students in one classroom report is a school, not a classroom.
error-number-range--periods = Enter the class periods used, from 1 to 200.
error-number-range--sample_size = Enter the students in the study as a whole number from 1 to { $max }.
error-number-range--comparison_size = Enter the students in the comparison group as a whole number from { $min } to { $max }.
error-number-range--sites = Enter the schools or districts as a whole number from 1 to { $max }.
error-required--happened = Tell what happened in your classroom.
error-required--students = Enter the number of students in the class.
error-required--periods = Enter the class periods used.
error-required--sample_size = Enter the students in the study.
error-required--comparison_size = Enter the students in the comparison group: this design needs one.
error-required--sites = Enter the schools or districts the study ran in.
error-required--measure = Say what was measured: an effect needs a measure.
error-sample-without-design = Choose how the outcome was measured first, or leave this empty.
error-effect-without-design = An effect without a design: choose how the outcome was measured, or leave this empty.
error-comparison-not-below-sample = A comparison group larger than the sample: the comparison group is part of the students in the study, so it must be smaller.
error-comparison-without-design = Only comparison-group and randomised designs have a comparison group. Leave this empty.
error-effect-size-range = Enter the effect size as a number from −5.00 to 5.00, for example 0.25.
error-effect-size-without-direction = Choose the effect's direction to give its size.
error-effect-size-sign = The size's sign does not match the direction: a positive effect has a size above 0, a negative one below 0.
error-significance-without-effect = Choose the effect's direction before saying whether it was significant.

## Practice library — evidence tiers
# (this section's messages go below this line)
tier-none = No tier yet
tier-students = { $count ->
    [one] 1 student
   *[other] { $count } students
}
tier-students-unknown = students not reported
tier-sites = { $count ->
    [one] 1 site
   *[other] { $count } sites
}
tier-sites-unknown = sites not reported
tier-effect-size = effect size { $size }
tier-reason-no_trials = No trial has been reported yet; tier 4 needs at least one.
tier-reason-no_logic_model = The practice has no logic model; tier 4 needs one (why it should work: inputs, activities, the outcomes expected).
tier-reason-rationale = A logic model is written and the practice has been tried in class: that meets tier 4.
tier-reason-supports = Supported by a positive, statistically significant effect: { $study }.
tier-reason-negative_not_overriding = A significant negative effect from a weaker study was weighed and does not override: { $study }.
tier-reason-overridden = A significant negative effect from a study as strong or stronger overrides the positive evidence: { $study }.
tier-reason-no_qualifying_study = No randomised, comparison-group or controlled correlational study has reported a positive, statistically significant effect; tier 3 needs one.
tier-reason-not_significant = { $count ->
    [one] 1 study of such a design did not report a positive, statistically significant effect.
   *[other] { $count } studies of such a design did not report a positive, statistically significant effect.
}
tier-reason-weak_designs = { $count ->
    [one] 1 report has a design that cannot support tier 3 or above (before and after only, correlational without controls, or no outcome measured).
   *[other] { $count } reports have a design that cannot support tier 3 or above (before and after only, correlational without controls, or no outcome measured).
}
tier-reason-no_comparison_study = Tier 2 needs a comparison-group or randomised study with a positive, significant effect; the support so far is correlational.
tier-reason-no_randomised_study = Tier 1 needs a randomised study with a positive, significant effect.
tier-reason-too_few_students = Largest study of its kind ({ $design }): { $have } — { $needed } needed for the next tier.
tier-reason-too_few_sites = Largest study of its kind ({ $design }): { $have } — { $needed } needed for the next tier.
tier-badge-proposed = Proposed: { $tier }
tier-evidence-title = Evidence tier
tier-evidence-intro = Lyceum proposes an ESSA evidence tier from the practice's trial reports, with its reasons; a curator confirms it or sets another with a reason.
tier-confirmed-heading = Confirmed tier
tier-not-confirmed = Not yet confirmed by a curator
tier-decided-by = Decided by { $name } on { $when }.
tier-decided-reason = Reason:
tier-decider-gone = a former member
tier-proposal-heading = Lyceum's proposal
tier-proposed = Lyceum proposes: { $tier }.
tier-proposal-agrees = The curator's decision matches Lyceum's proposal.
tier-proposed-at = Proposed { $when }.
tier-reasons-heading = Why
tier-rules-note = Reports from every version of the practice count. Tiers 1 and 2 need at least 350 students across at least two schools or districts; a significant negative effect from a study as strong or stronger overrides.
tier-own-practice = You wrote this practice, so another curator decides its tier.
tier-decide-heading = Decide the tier
tier-decision-legend = Your decision
tier-decision-confirm = Confirm the proposal ({ $tier })
tier-decision-set = Set { $tier }
tier-decision-none = Set no tier
tier-reason-label = Reason
tier-reason-hint = Needed when you set a tier other than the proposal. Up to { $max } characters; the author and readers see it.
tier-decide-submit = Save the decision
tier-queue-title = Evidence tiers to confirm
tier-queue-intro = Practices you curate whose proposed tier differs from the confirmed one.
tier-queue-empty = Nothing is waiting: every proposal you curate has been looked at.
tier-queue-changed = The proposal changed { $when }, after the last decision.
flash-tier-decided = The evidence tier is saved, and the author told.
error-tier-proposal-changed = The proposal changed while you were deciding; look at it again.
error-tier-reason-required = Give a reason for setting a tier other than the proposal.
error-tier-decision-unknown = Choose to confirm the proposal, a tier, or no tier.

## Practice library — resources
# (this section's messages go below this line)
resources-title = Resource library
resources-intro = Lesson plans, prompt templates, guidance and policy templates that educators and curators have shared. Featured resources come first.
resources-search-label = Search the resource library
resources-search = Search resources
resources-facet-kind = Kind
resources-facet-subject = Subject
resources-facet-grade-band = Grade band
resources-facet-competency = Competency
resources-facet-language = Language
resources-found = { $count ->
    [one] 1 resource
   *[other] { $count } resources
}
resources-none = No resources match. Try “Any” in one of the lists, or fewer words.
resource-title = Resource
resource-new-title = Add a resource
resource-edit-title = Edit the resource
resource-featured = Featured
resource-is-file = File
resource-is-link = Link
resource-no-ratings = Not rated yet
resource-rating = { $count ->
    [one] { $stars } out of 5 (1 rating)
   *[other] { $stars } out of 5 ({ $count } ratings)
}
resource-org = Shared by
resource-org-hint = The organisation that owns the resource: its curators can edit and feature it.
resource-field-title = Title
resource-field-description = Description
resource-field-description-hint = What it is, who it is for and how to use it. You can use Markdown.
resource-field-kind = Kind of resource
resource-field-url = Link
resource-field-url-hint = A web address starting with https://. Give a link or a file, not both.
resource-field-file = File
resource-field-file-hint = A PDF, DOCX, PPTX, ODT, PNG or JPEG file of up to { $mb } MB.
resource-field-file-current = Now: { $name }. Choose a file only to replace it.
resource-field-licence = Licence
resource-field-language = Language
resource-field-subjects = Subjects
resource-field-grade-bands = Grade bands
resource-field-competencies = Competencies
resource-field-competencies-hint = Tick those the resource helps build; none if none apply.
resource-add = Add the resource
resource-save = Save changes
resource-comment-gone = A former member
resource-open-link = Open the resource
resource-download = Download { $name }
resource-licence = Shared under
resource-feature = Feature it
resource-unfeature = Stop featuring it
resource-rating-title = Rating
resource-your-rating = Your rating
resource-stars = { $count ->
    [one] 1 star
   *[other] { $count } stars
}
resource-rate = Save my rating
resource-comments-title = Comments
resource-no-comments = No comments yet.
resource-comment-hidden = hidden by a curator
resource-comment-hide = Hide
resource-comment-show = Show again
resource-comment-label = Your comment
resource-comment-hint = How you used it, what to watch for. Plain text or Markdown, up to 5,000 characters.
resource-comment-button = Post the comment
resources-linked-title = Resources
resources-linked-none = No resources linked yet.
resources-linked-remove = Remove
resources-linked-add-label = Link a resource
resources-linked-add-hint = The resource's number, from its address (/resources/12 is 12).
resources-linked-add = Link it
error-file-mismatch = The file is not what its name says. Give it the right extension, or choose another file.
error-file-type--file = The file must be a PDF, DOCX, PPTX, ODT, PNG or JPEG.
error-file-too-large--file = The file is larger than { $max } MB.
error-resource-link-or-file = Give either a link or a file: one of the two.
error-stars-range = Choose from 1 to 5 stars.
error-rating-own-resource = You added this resource: others rate it, not its author.
error-required--kind = Choose the kind of resource.
error-required--org = Choose the organisation that shares it.
error-required--resource_id = Enter the number of a resource.
error-resource-unknown = There is no resource with that number.
error-lesson-unknown = The course has no lesson “{ $lesson }”.

## The AI tool registry (issue 20).
tool-cost-free = Free
tool-cost-freemium = Free, with paid features
tool-cost-paid_per_teacher = Paid per teacher
tool-cost-paid_per_school = Paid per school or district
tool-cost-unknown = Cost not known
tool-privacy-agreement-none_known = No privacy agreement known
tool-privacy-agreement-available = Privacy agreement available
tool-criterion-data_collected = Data collected
tool-criterion-retention_deletion = Retention and deletion
tool-criterion-model_training = Use of student or teacher data to train models
tool-criterion-privacy_agreement = Privacy agreement
tool-criterion-age_and_terms = Age suitability and terms of service
tool-criterion-bias = Bias seen in outputs
tool-criterion-transparency = Transparency (AI output labelled; the educator can review and override it)
tool-criterion-accessibility = Accessibility (WCAG, languages)
tool-criterion-cost_and_equity = Cost and equity of access
tool-rating-does_not_meet = Does not meet
tool-rating-meets_with_reservations = Meets with reservations
tool-rating-meets = Meets
tool-rating-dont_know = Don’t know
tool-status-approved = Approved
tool-status-under_review = Under review
tool-status-not_approved = Not approved
tool-sort-name = Name
tool-sort-reviews = Most reviewed
error-unknown-tool = There is no such tool in the registry.
error-tool-exists = The registry already has a tool with this name.
error-registry-programme-admins-only = Only the programme’s admins add and edit the registry’s tools.
error-tool-status-not-yours = Only admins of { $org }, or of an organisation above it, set its status for a tool.
error-unknown-org = There is no such organisation.
error-number-range--min_age = Enter the youngest age as a whole number from { $min } to { $max }.
error-number-range--max_age = Enter the oldest age as a whole number from { $min } to { $max }, or leave it empty for “and over”.
error-choose-one--cost_model = Choose how the tool is paid for.
error-choose-one--privacy_agreement = Choose whether the vendor offers a privacy agreement.
error-required--decided_on = Enter the date of the decision.
error-choose-one--ratings-data_collected = Rate “Data collected”, or choose “Don’t know”.
error-choose-one--ratings-retention_deletion = Rate “Retention and deletion”, or choose “Don’t know”.
error-choose-one--ratings-model_training = Rate “Training on our data”, or choose “Don’t know”.
error-choose-one--ratings-privacy_agreement = Rate “Privacy agreement”, or choose “Don’t know”.
error-choose-one--ratings-age_and_terms = Rate “Age and terms”, or choose “Don’t know”.
error-choose-one--ratings-bias = Rate “Bias”, or choose “Don’t know”.
error-choose-one--ratings-transparency = Rate “Transparency”, or choose “Don’t know”.
error-choose-one--ratings-accessibility = Rate “Accessibility”, or choose “Don’t know”.
error-choose-one--ratings-cost_and_equity = Rate “Cost and equity”, or choose “Don’t know”.

## Challenge radar
radar-home-link = See the challenge radar: the problems teachers meet with AI, and what answered them
radar-title = Challenge radar
radar-lead = The problems educators in { $scope } reported meeting with AI in class, by month, and what answered them.
radar-exact = You see exact counts, as a member of the programme team.
radar-suppressed = Counts under 10 show as “<10”, and some larger counts are withheld, so that no small count can be worked out from the totals.
radar-scope = Show the radar of
radar-show = Show
radar-chart-title = Reports by category and month
radar-chart-summary = Reports by category, { $from } to { $to }.
radar-chart-total = Total: { $total }.
radar-chart-top = Reported most often: { $category } ({ $count }).
radar-chart-suppressed = Counts under 10 and withheld counts are not drawn; the table below gives every count that may be shown.
radar-total = Total
radar-withheld = withheld
radar-by-category = By category
radar-by-grade-band = By grade band
radar-by-locale = By school locale
radar-by-title-i = By Title I status
radar-caption-category = Reports by category and month
radar-caption-grade-band = Reports by grade band and month
radar-caption-locale = Reports by school locale and month
radar-caption-title-i = Reports by the school’s Title I status and month
radar-locale-city = City
radar-locale-suburb = Suburb
radar-locale-town = Town
radar-locale-rural = Rural
radar-locale-unknown = Not known
radar-title-i-yes = Title I school
radar-title-i-no = Not a Title I school
radar-title-i-unknown = Not known
radar-addressed = Recently addressed
radar-addressed-none = No reports have been addressed yet.
challenge-new-title = Report a challenge
challenge-new-lead = Tell the programme about a problem you met with AI in class. Reports shape the courses, practices and guidance we write next.
challenge-choose = Choose…
challenge-any = Any
challenge-field-category = Kind of problem
challenge-field-severity = How much did it hurt?
challenge-field-tool = AI tool
challenge-field-tool-hint = If the problem came with a tool in the registry, choose it.
challenge-no-tool = No tool, or not listed
challenge-field-subject = Subject
challenge-field-grade-band = Grade band
challenge-field-happened = What happened
challenge-field-happened-hint = Leave out students’ names and anything else that identifies a student.
challenge-field-tried = What you tried
challenge-field-tried-hint = Optional: what you did about it, and how it went.
challenge-field-anonymous = Report anonymously
challenge-field-anonymous-hint = Your name is then never shown with this report: not to your school or district admins, not to other educators, not in exports. Only the programme’s admins can ever learn who sent it. You still see it in “My reports” and are told when it is addressed.
challenge-send = Send the report
challenge-filed-title = Thank you: your report was sent
challenge-filed-anonymous = It is anonymous: only the programme’s admins can ever learn who sent it. You will be told here when it is addressed.
challenge-filed-named = You will be told here when it is addressed.
challenge-mine-title = My reports
challenge-mine-none = You have not reported any challenges yet.
challenge-mine-caption = Your reports, newest first
challenge-anonymous-yours = Anonymous (you)
challenge-col-report = Report
challenge-col-status = Status
challenge-col-month = Month
challenge-title = Challenge report
challenge-title-n = Report { $n }
challenge-anonymous = Anonymous
challenge-anonymous-known = Anonymous (sent by { $name }: only the programme’s admins see this)
challenge-reporter-gone = An account that no longer exists
challenge-reporter = Reported by
challenge-from = From
challenge-tags = Tags
challenge-tags-hint = Up to 5, separated by commas.
challenge-answered-by = What answered it
challenge-merged-into = This report was merged, as a duplicate, into
challenge-queue-title = Challenge triage
challenge-queue-lead = Reports filed from the organisations you administer, newest first. Your own reports are never here.
challenge-queue-not-yours = You do not triage challenge reports: organisation admins triage those from their organisation.
challenge-queue-empty = No reports match.
challenge-queue-caption = Reports to triage, newest first
challenge-filter = Filter
challenge-older = Older reports
challenge-triage-title = Triage
challenge-triage-save = Save the triage
challenge-answer-none = Nothing yet
challenge-field-answer = What answered it
challenge-field-answer-hint = Needed before a report is marked addressed.
challenge-field-answer-id = Number of the course, practice or resource
challenge-field-answer-id-hint = For a lesson, the number of its course.
challenge-field-lesson = Lesson key
challenge-field-lesson-hint = Only for a lesson: the last part of the lesson’s address.
challenge-field-guidance = Guidance
challenge-merge-title = Merge as a duplicate
challenge-field-into = Number of the report to merge into
challenge-field-into-hint = This report then leaves the queue and stops counting on the radar.
challenge-merge = Merge
error-choose-one--status = Choose a status.
error-required--answer_id = Enter the number of what answered it.
error-required--lesson = Enter the lesson’s key.
error-required--guidance = Write the guidance.
error-required--into = Enter the number of the report to merge into.

## AI tool registry
tools-title = AI tools
tools-home-link = AI tools
tools-intro = Tools schools use, what colleagues found when they reviewed them, and whether your school may use them. No tool pays to be here or to be placed first.
tools-new-title = Add a tool
tools-edit-title = Edit the tool
tools-sort-label = Order
tools-found = { $count ->
    [one] 1 tool
   *[other] { $count } tools
}
tools-none = The registry has no tools yet.
tools-col-tool = Tool
tools-col-does = What it does
tools-col-ages = Intended ages
tools-col-cost = Cost
tools-col-privacy = Privacy agreement
tools-col-reviews = Reviews
tools-col-status = Your school’s status
tools-ages = Ages { $ages }
tools-review-count = { $count ->
    [0] No reviews yet
    [one] 1 review
   *[other] { $count } reviews
}
tools-source-approved = Approved by { $org }, { $date }
tools-source-under_review = Under review by { $org } since { $date }
tools-source-not_approved = Not approved by { $org }, { $date }
tools-status-none = No decision yet by your school or the organisations above it
tools-by-vendor = By { $vendor }
tools-status-title = Your school’s status
tools-status-signed = The deciding organisation has signed the vendor’s privacy agreement.
tools-status-not-signed = The deciding organisation has not signed a privacy agreement with the vendor.
tools-status-set-link = Set the status for an organisation you administer
tools-ratings-title = What reviewers found
tools-review-add = Review this tool
tools-review-edit = Change your review
tools-spread-caption = How many reviewers rated each criterion each way
tools-col-criterion = Criterion
tools-col-total = Reviewers
tools-col-spread = Spread
tools-reviews-title = Recent reviews
tools-reviews-none = Nobody has reviewed this tool yet.
tools-review-no-comments = Ratings only, no comments.
tools-review-title = Review a tool
tools-review-intro = Rate { $tool } on each criterion. Choose “Don’t know” where you cannot tell. Comments are optional; do not name students.
tools-review-editing = You reviewed this tool before: saving changes your review.
tools-review-comment = Comment on “{ $criterion }” (optional)
tools-review-send = Send the review
tools-review-save = Save the review
tools-status-form-title = A tool’s status for your organisation
tools-status-intro = The status you set for { $tool } holds for your organisation and every organisation below it that has not set its own.
tools-own-caption = Your organisations’ own decisions
tools-col-org = Organisation
tools-col-own = Its own decision
tools-col-actions = Actions
tools-own-decision = { $status }, { $date }
tools-own-none = None: it follows the organisation above it
tools-status-clear = Clear the decision of { $org }
tools-field-org = Organisation
tools-field-org-hint = One you administer.
tools-field-status = Status
tools-field-note = Note
tools-field-note-hint = Optional. Why, and any conditions of use. Up to 500 characters.
tools-field-decided-on = Date of the decision
tools-field-decided-on-hint = For example 2026-09-01.
tools-field-signed = This organisation has signed the vendor’s privacy agreement
tools-status-save = Save the status
tools-form-intro = Describe the tool as it is, without the vendor’s marketing. Reviews and statuses are added by educators and organisations.
tools-field-name = Name
tools-field-vendor = Vendor
tools-field-url = Web address
tools-field-url-hint = Starting with https://
tools-field-description = What it does
tools-field-description-hint = Plain words, up to 2,000 characters.
tools-field-min-age = Youngest intended age
tools-field-min-age-hint = In years, from 3 to 18, as the vendor’s terms say.
tools-field-max-age = Oldest intended age
tools-field-max-age-hint = Leave empty for “and over”.
tools-field-cost = Cost
tools-field-privacy = Privacy agreement
tools-field-privacy-hint = Whether the vendor offers one. Whether your organisation signed it is part of its status.
tools-save = Save the tool
tools-add = Add the tool
error-required--vendor = Enter the vendor.
error-required--url = Enter the tool’s web address.
error-required--description = Say what the tool does.

## A practice's registry tools
practice-tools-title = AI tools in the registry
practice-tools-none = No tools from the registry are linked yet.
practice-tools-remove = Remove
practice-tools-add-label = Link a tool from the registry
practice-tools-choose = Choose a tool
practice-tools-add = Link tool
error-choose-one--tool_id = Choose a tool from the list.

## Challenge radar (CSV)
radar-csv-link = Download these counts (CSV)
radar-csv-dimension = Dimension
radar-csv-value = Value
radar-csv-month = Month
radar-csv-count = Count

## A tool's practices and challenges
tools-practices-title = Practices that use it
tools-practices-none = No published practice links this tool yet.
tools-practices-count = { $count ->
    [one] { $count } published practice uses this tool.
   *[other] { $count } published practices use this tool.
}
tools-practice-trials = { $count ->
    [one] tried in { $count } classroom
   *[other] tried in { $count } classrooms
}
tools-challenges-title = Challenges reported with it
tools-challenges-intro = Problems educators reported with this tool, by kind. Outside the programme team, counts under 10 show as “<10”. All challenges:
tools-challenges-caption = Challenge reports naming this tool, by category
tools-col-category = Category
tools-col-reports = Reports
tools-challenges-total = All reports

## The programme's settings (programme admins)
programme-settings-title = Programme settings
programme-settings-intro = Settings for the whole programme. Only programme admins can see and change them, and every change is recorded.
programme-settings-radar-title = Challenge radar
programme-settings-public-radar = Publish the radar’s summaries to everyone, without sign-in
programme-settings-public-radar-hint = Anyone with the link can then see the programme-wide radar: reports by category, grade band, school locale and Title I status, and what answered them. Counts under 10 show as “<10” and some larger counts are withheld, as for anyone outside the programme team. No one’s name, school or words are shown.
programme-settings-radar-now-public = The radar is published to everyone now.
programme-settings-radar-now-private = The radar is shown only to people who sign in now.
programme-settings-changed = Last changed { $date }.
programme-settings-radar-link = See the radar
programme-settings-save = Save settings
flash-programme-settings-saved = The programme settings are saved.
flash-challenge-triaged = The report's triage was saved.
flash-challenge-merged = The duplicate was merged into this report.
org-admin-overview-programme = The whole programme
org-admin-overview-programme-settings = Programme settings: publish the challenge radar to everyone
radar-public-note = These are the programme’s published summaries: counts under 10 show as “<10”. Educators in the programme sign in to report a challenge.
error-programme-settings-admins-only = Only the programme’s admins change the programme settings.
error-unknown-field = “{ $field }” is not a field this accepts.
error-not-a-boolean = Give true or false.
error-not-an-object = Send an object with the fields to change.

## AI tool registry: older reviews, the reviews' CSV, withdrawing one's review
tools-reviews-older = Older reviews
tools-reviews-newest = Back to the newest reviews
tools-reviews-pager = More reviews
tools-reviews-csv = Download the reviews (CSV)
tools-reviews-csv-hint = Every review, one a line, with its ratings and comments. Reviewers are not named in it, except for the programme team.
tools-review-withdraw = Withdraw my review
tools-review-withdraw-title = Withdraw your review?
tools-review-withdraw-intro = Your review of { $tool } will be deleted: its ratings leave the tool’s counts and its comments are no longer shown to anyone. This cannot be undone, but you can write a new review later.
tools-review-withdraw-keep = Keep my review
flash-tool-review-withdrawn = Your review was withdrawn.

## Analytics: the programme's goal
error-required--target = Enter the number of educators to reach.
error-number-range--target = Enter the educators to reach as a whole number from { $min } to { $max }.
error-required--first_year = Enter the year the programme’s first school year starts, for example 2026.
error-number-range--first_year = Enter the year the first school year starts, from { $min } to { $max }.
error-required--milestones = Enter the educators reached by the end of each school year.
error-number-range--milestones = Enter the educators reached by the end of this school year as a whole number from { $min } to { $max }.
error-too-many--milestones = A goal spans at most { $max } school years.
error-milestone-below-previous = By the end of year { $year }: the milestone cannot be below the year before’s, { $previous }, since a milestone counts everyone reached so far.
error-milestone-not-target = By the end of year { $year }: the last milestone is the goal itself; make it { $target }, or change the goal.
error-choose-one--reached_by = Choose what counts as reaching an educator.

## Analytics: the dashboard
analytics-title = Analytics
analytics-trail = Where you are
analytics-reached-by = Reached means: { $definition }.
analytics-as-of = Counts as of { $time }.
analytics-waiting = Changes made since { $time } are still being counted; the rest is current.
analytics-exact = You see every count as it is.
analytics-suppressed = To protect people, every count under 10 shows as “<10”, and some larger counts are withheld so that no small one can be worked out from the others.
analytics-scope = Organisation
analytics-show = Show
analytics-csv-link = Download these numbers (CSV)
analytics-goal-change = Change the goal
analytics-withheld = withheld
analytics-rate = Share reached
analytics-educators = Educators
analytics-reached = Reached
analytics-organisation = Organisation
analytics-school-year = School year
analytics-step = Step
analytics-to-date = To date
analytics-here = At { $scope } itself, not at an organisation below
analytics-no-gap = Not enough published numbers to compare these groups.
analytics-gap-sentence = { $worst } are reached at { $pct } of the rate of { $best }.
analytics-goal-title = Progress toward the goal
analytics-goal-caption = Educators reached by the end of each school year, against the goal’s milestones
analytics-goal-series = Goal
analytics-reached-series = Reached
analytics-goal-sentence = { $reached } of { $target } educators reached so far.
analytics-goal-on-track = The programme is on track for this year’s milestone.
analytics-goal-behind = The programme is behind this year’s milestone.
analytics-goal-projected = At the pace of the last twelve months, the goal is reached in { $month }.
analytics-goal-reached = The goal is reached.
analytics-goal-no-pace = Nobody was reached in the last twelve months, so no date can be projected.
analytics-funnel-title = The learning funnel
analytics-funnel-caption = Educators who took each step for the first time, by school year
analytics-funnel-sentence = To date, { $registered } educators registered and { $completed } completed a course or workshop.
analytics-year-series = { $year }
analytics-by-locale = By school locale
analytics-by-title-i = By Title I status
analytics-by-poverty = By school poverty level
analytics-by-experience = By years of experience
analytics-segment-caption = { $segment }: educators and the share reached
analytics-below-title = Organisations below
analytics-below-summary = The share of educators reached in each organisation directly below { $scope }.
milestone-registered = Registered
milestone-started = Started a course or workshop
milestone-completed = Completed one
milestone-certified = Earned a certificate
milestone-shared = Shared a practice or trial report
milestone-attended = Attended a workshop
milestone-pd-hours = Earned 6 PD hours
reached-by-completed = completed at least one course or workshop
reached-by-certified = earned at least one certificate
reached-by-attended = attended at least one workshop session
reached-by-pd-hours = earned at least 6 PD hours
analytics-locale-city = City
analytics-locale-suburb = Suburb
analytics-locale-town = Town
analytics-locale-rural = Rural
analytics-locale-unknown = Not known
analytics-title-i-yes = Title I school
analytics-title-i-no = Not Title I
analytics-title-i-unknown = Not known
analytics-poverty-low = Low poverty (25 % or less)
analytics-poverty-mid-low = Mid-low poverty (25–50 %)
analytics-poverty-mid-high = Mid-high poverty (50–75 %)
analytics-poverty-high = High poverty (over 75 %)
analytics-poverty-unknown = Not known
analytics-experience-0-3 = 0–3 years
analytics-experience-4-10 = 4–10 years
analytics-experience-11-20 = 11–20 years
analytics-experience-21-plus = 21 years or more
analytics-experience-unknown = Not known
analytics-group-locale-city = city educators
analytics-group-locale-suburb = suburban educators
analytics-group-locale-town = town educators
analytics-group-locale-rural = rural educators
analytics-group-title-i-yes = educators at Title I schools
analytics-group-title-i-no = educators at other schools
analytics-group-poverty-low = educators at low-poverty schools
analytics-group-poverty-mid-low = educators at mid-low-poverty schools
analytics-group-poverty-mid-high = educators at mid-high-poverty schools
analytics-group-poverty-high = educators at high-poverty schools
analytics-group-experience-0-3 = educators in their first three years
analytics-group-experience-4-10 = educators with 4–10 years
analytics-group-experience-11-20 = educators with 11–20 years
analytics-group-experience-21-plus = educators with 21 years or more
analytics-goal-form-title = The programme’s goal
analytics-goal-form-intro = How many educators the programme means to reach, by when, and what counts as reaching one. The dashboards measure progress against it.
analytics-goal-target = Educators to reach
analytics-goal-target-hint = A whole number, for example 400000.
analytics-goal-first-year = First school year starts in
analytics-goal-first-year-hint = The calendar year the first school year (July to June) starts, for example 2026.
analytics-goal-reached-by = An educator is reached when they have
analytics-goal-milestones = Milestones
analytics-goal-milestones-hint = Educators reached in total by the end of each school year, from the first. Leave the years after the last one empty; the last milestone is the goal itself.
analytics-goal-year-n = By the end of year { $n }
analytics-goal-save = Save the goal
analytics-back = Back to the analytics
flash-goal-saved = The goal is saved.
error-not-a-number = Give a number.
error-not-a-list = Give a list.
nav-analytics = Analytics
org-admin-overview-analytics = Analytics: reach and equity
error-unknown-choice--org = “{ $value }” is not an organisation whose analytics you can see.
analytics-no-data = not yet, or not published
