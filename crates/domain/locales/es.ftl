## Lyceum — español (latinoamericano neutro, de «usted»). Cada mensaje tiene su gemelo en en.ftl.

## Valores de listas cerradas

lang-en = English
lang-es = Español
role-educator = Educador
role-facilitator = Facilitador o coach
role-author = Autor
role-moderator = Moderador
role-org_admin = Administrador de la organización
role-programme_admin = Administrador del programa
role-researcher = Investigador
org-kind-programme = Programa
org-kind-state = Estado
org-kind-district = Distrito
org-kind-local = Sindicato local
org-kind-school = Escuela
locale-city = Ciudad
locale-suburb = Suburbio
locale-town = Pueblo
locale-rural = Rural
poverty-low = Pobreza baja (25 % o menos del alumnado con derecho a almuerzo gratuito o reducido)
poverty-mid-low = Pobreza media-baja (25–50 % con derecho)
poverty-mid-high = Pobreza media-alta (50–75 % con derecho)
poverty-high = Pobreza alta (más del 75 % con derecho)
subject-ela = Lengua y literatura en inglés
subject-math = Matemáticas
subject-science = Ciencias
subject-social-studies = Estudios sociales
subject-world-languages = Lenguas extranjeras
subject-arts = Artes
subject-health-pe = Salud y educación física
subject-computer-science = Ciencias de la computación
subject-career-technical = Educación técnica y profesional
subject-special-education = Educación especial
subject-english-learners = Estudiantes de inglés
subject-library = Biblioteca y medios
subject-elementary = Primaria (todas las materias)
subject-other = Otra
grade-band-k-2 = Kínder a 2.º grado
grade-band-3-5 = 3.º a 5.º grado
grade-band-6-8 = 6.º a 8.º grado
grade-band-9-12 = 9.º a 12.º grado
school-role-teacher = Docente
school-role-paraprofessional = Paraprofesional o asistente
school-role-instructional-coach = Coach pedagógico
school-role-librarian = Bibliotecario o especialista en medios
school-role-counselor = Orientador
school-role-school-leader = Director o líder escolar
school-role-district-staff = Personal del distrito
school-role-other = Otro

## Conteos

people-count = { $count ->
    [one] 1 persona
   *[other] { $count } personas
}

## Errores de campos: error-<código>.

error-required = Complete este campo.
error-too-long = Es demasiado largo. Use como máximo { $max } caracteres.
error-control-characters = Quite los caracteres especiales (como tabulaciones o saltos de línea).
error-choose-one = Elija una de las opciones.
error-unknown-choice = «{ $value }» no es una de las opciones.
error-number-range = Escriba un número entero de { $min } a { $max }.
error-email-missing = Escriba su correo electrónico.
error-email-invalid = Escriba un correo electrónico como nombre@escuela.org.
error-email-too-long = Ese correo electrónico es demasiado largo.
error-email-taken = Ya existe una cuenta con este correo electrónico. Inicie sesión o restablezca su contraseña.
error-email-unchanged = Ese ya es su correo electrónico.
error-email-domain-not-allowed = El dominio de su correo no pertenece a ninguna organización del programa. Pida un código de acceso a su sindicato local o distrito, o use su correo de la escuela.
error-password-missing = Escriba una contraseña.
error-password-too-short = Use al menos 10 caracteres. Unas cuantas palabras cotidianas seguidas forman una buena contraseña.
error-password-too-long = Use como máximo 200 caracteres.
error-password-common = Esa contraseña es demasiado fácil de adivinar. Elija otra.
error-password-contains-email = No use su correo electrónico en la contraseña.
error-password-wrong = Esa no es su contraseña actual.
error-passwords-differ = Las dos contraseñas no coinciden.
error-credentials = El correo electrónico o la contraseña no son correctos.
error-locked = Hubo demasiados intentos de iniciar sesión en esta cuenta. Vuelva a intentarlo en { $minutes } minutos o restablezca su contraseña.
error-unverified = Confirme su correo electrónico antes de iniciar sesión. Le enviamos un enlace cuando se registró.
error-token-invalid = Este enlace no es válido. Pida uno nuevo.
error-token-expired = Este enlace ha caducado. Pida uno nuevo.
error-token-used = Este enlace ya se usó.
error-join-code-invalid = No reconocemos ese código de acceso. Verifíquelo con quien se lo dio.
error-join-code-expired = Ese código de acceso ha caducado. Pida uno nuevo.
error-join-code-full = Ese código de acceso ya se usó todas las veces permitidas.
error-domain-invalid = Escriba un dominio como distrito.k12.oh.us.
error-domain-taken = Otra organización ya usa este dominio de correo.
error-org-kind-not-allowed = Ese tipo de organización no se puede crear aquí.
error-role-not-allowed = Usted no puede asignar ese rol aquí.
error-programme-role-at-root = Este rol solo se puede tener para todo el programa.
error-no-such-person = No hay ninguna cuenta con este correo electrónico.
error-already-member = Esta persona ya tiene ese rol aquí.
error-invitation-pending = Esta persona ya tiene una invitación pendiente.
error-confirm-delete = Escriba DELETE para confirmar.
error-token-name = Ponga un nombre al token para saber para qué sirve.
error-invalid-json = El cuerpo de la solicitud no es JSON válido.
error-date-invalid = Escriba una fecha como 2027-06-30.
error-date-past = Elija una fecha futura.
