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
error-password-too-short = Use at least 10 characters. A few everyday words in a row make a good password.
error-password-too-long = Use at most 200 characters.
error-password-common = That password is too easy to guess. Choose another.
error-password-contains-email = Do not use your email address in your password.
error-password-wrong = That is not your current password.
error-passwords-differ = The two passwords are not the same.
error-credentials = The email address or password is not right.
error-locked = Too many attempts to sign in to this account. Try again in { $minutes } minutes, or reset your password.
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
