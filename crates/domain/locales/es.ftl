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
error-already-reviewed = Esta entrega ya se ha revisado.
error-control-characters = Quite los caracteres especiales (como tabulaciones o saltos de línea).
error-invisible-characters = Quite los caracteres de formato invisibles.
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
error-password-too-short = Su contraseña necesita al menos 10 caracteres. Unas cuantas palabras cotidianas seguidas forman una buena contraseña.
error-password-too-long = Su contraseña puede tener como máximo 200 caracteres.
error-password-common = Esa contraseña es demasiado fácil de adivinar. Elija otra contraseña.
error-password-contains-email = No use su correo electrónico en la contraseña.
error-password-wrong = Esa no es su contraseña actual.
error-passwords-differ = Las dos contraseñas no coinciden.
error-credentials = El correo electrónico o la contraseña no son correctos.
error-locked = Hubo demasiados intentos de iniciar sesión. Espere { $unit ->
    [seconds] { $count ->
        [one] 1 segundo
       *[other] { $count } segundos
    }
   *[minutes] { $count ->
        [one] 1 minuto
       *[other] { $count } minutos
    }
} y vuelva a intentarlo, o restablezca su contraseña.
error-join-code-wait = Se probaron demasiados códigos. Espere { $unit ->
    [seconds] { $count ->
        [one] 1 segundo
       *[other] { $count } segundos
    }
   *[minutes] { $count ->
        [one] 1 minuto
       *[other] { $count } minutos
    }
} y vuelva a intentarlo.
error-deactivated = El registro de su distrito o sindicato local cerró esta cuenta. Si es un error, pida a su administrador que la restablezca.
error-unverified = Confirme su correo electrónico antes de iniciar sesión. Le enviamos un enlace cuando se registró.
error-token-invalid = Este enlace no es válido. Pida uno nuevo.
error-token-expired = Este enlace ha caducado. Pida uno nuevo.
error-token-used = Este enlace ya se usó.
error-join-code-invalid = No reconocemos ese código de acceso. Verifíquelo con quien se lo dio.
error-join-code-expired = Ese código de acceso ha caducado. Pida uno nuevo.
error-join-code-full = Ese código de acceso ya se usó todas las veces permitidas.
error-domain-invalid = Escriba un dominio como distrito.k12.oh.us.
error-domain-taken = Otra organización ya usa este dominio de correo.
error-domain-claimed-already = Esta organización ya agregó este dominio.
error-domain-record-missing = No encontramos un registro TXT con este valor en { $name }. Si acaba de agregarlo, espere un rato y vuelva a comprobarlo.
error-domain-record-lookup-failed = No pudimos consultar { $name } en este momento. Inténtelo de nuevo en unos minutos.
error-org-kind-not-allowed = Ese tipo de organización no se puede crear aquí.
error-invalid-time-zone = Escriba una zona horaria de la lista, como America/Chicago.
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
error-invitation-other-email = Esta invitación se envió a otro correo electrónico.
error-programme-exists = Ya existe un programa.

## Palabras comunes

brand = Lyceum
yes = Sí
no = No
never = Nunca
expired = caducado
actions = Acciones
not-recorded = Sin registrar
days = { $count ->
    [one] 1 día
   *[other] { $count } días
}
month-short-1 = ene
month-short-2 = feb
month-short-3 = mar
month-short-4 = abr
month-short-5 = may
month-short-6 = jun
month-short-7 = jul
month-short-8 = ago
month-short-9 = sept
month-short-10 = oct
month-short-11 = nov
month-short-12 = dic
title-i-yes = Sí, es una escuela Title I
title-i-no = No

## Diseño de la página

title-error-prefix = Error:
skip-to-content = Saltar al contenido principal
nav-label = Principal
nav-home = Inicio
nav-orgs = Organizaciones
nav-profile = Perfil
nav-account = Cuenta
nav-sign-in = Iniciar sesión
nav-register = Crear una cuenta
nav-sign-out = Cerrar sesión
nav-courses = Cursos
nav-learning = Mi aprendizaje
nav-community = Comunidad
nav-transcript = Historial
nav-notifications = { $count ->
    [0] Notificaciones, ninguna sin leer
    [one] Notificaciones, 1 sin leer
   *[other] Notificaciones, { $count } sin leer
}
nav-menu = Menú
nav-menu-label = Su cuenta
breadcrumbs-label = Usted está aquí
pager-label = Páginas
pager-first = Primera página
pager-next = Página siguiente
footer-about = Lyceum es aprendizaje profesional dirigido por docentes sobre la IA en el aula. Neutral frente a los proveedores y de código abierto.
footer-label = Acerca de Lyceum
footer-help = Ayuda
footer-privacy = Aviso de privacidad
footer-accessibility = Declaración de accesibilidad
help-title = Ayuda
help-intro = Lyceum es el lugar donde los docentes toman cursos breves sobre la IA en el aula, obtienen créditos de desarrollo profesional (DP) y conversan con otros docentes. Esta página indica dónde está cada cosa y a quién preguntar.
help-places-title = Dónde está cada cosa
help-courses = Busque un curso por palabras, materia, nivel escolar u horas, e inscríbase. Usted ve los cursos del programa y los de las organizaciones a las que pertenece.
help-learning = Los cursos que sigue, la lección en la que se quedó y el trabajo que espera una revisión.
help-community = Espacios donde los docentes hacen preguntas y comparten lo que funciona. Siga un espacio para enterarse de sus temas nuevos.
help-transcript = Sus horas de DP por año escolar, sus certificados y el DP externo que pidió que se cuente.
help-notifications = Respuestas, menciones y decisiones sobre su trabajo. El número en el encabezado cuenta las que no ha leído. Usted elige si también se le envían por correo y con qué frecuencia.
help-literacy-link = Su alfabetización en IA
help-literacy = Dónde se encuentra en cada competencia en IA para docentes y qué curso podría seguir.
help-account-title = Su cuenta
help-profile = Su nombre, su escuela, lo que enseña y su idioma. Las sugerencias se basan en él.
help-forgot-link = ¿Olvidó su contraseña?
help-forgot = Indique su correo electrónico y le enviaremos un enlace para elegir una contraseña nueva.
help-export = Un archivo con todo lo que Lyceum guarda sobre usted.
help-delete = Elimina su cuenta de forma definitiva. El aviso de privacidad explica qué se borra y qué se conserva.
help-menu = En un teléfono, el botón Menú de arriba abre los lugares de todos los días y su cuenta; funciona sin JavaScript.
help-stuck-title = ¿Sigue sin encontrar lo que busca?
help-stuck = Pregunte al administrador de su escuela o distrito: puede ver a las personas de su organización, corregir roles, reenviar invitaciones y decidir solicitudes de DP. Los problemas con Lyceum mismo los transmite al equipo del programa que lo administra.
privacy-title = Aviso de privacidad
privacy-intro = Qué guarda Lyceum sobre usted, quién puede verlo y cómo llevárselo o eliminarlo. Lyceum lo administra su programa educativo en sus propios servidores. Sus páginas no cargan scripts, fuentes, rastreadores ni anuncios de otras empresas, y no vende nada a nadie.
privacy-keeps-title = Qué guardamos
privacy-keeps-account = Su cuenta: su nombre, correo electrónico e idioma, las organizaciones a las que pertenece y sus roles en ellas. Su contraseña se guarda solo como un hash de un solo sentido (argon2id) que nadie puede leer.
privacy-keeps-profile = Su perfil, si lo completa: escuela, materias, niveles escolares, años de experiencia y función.
privacy-keeps-learning = Su aprendizaje: los cursos en los que se inscribe, las lecciones terminadas, las respuestas de los cuestionarios, las reflexiones, las tareas de práctica que entrega y sus revisiones. Cada paso también se guarda como un registro de aprendizaje (xAPI), que lo identifica por su número de cuenta, nunca por su correo electrónico.
privacy-keeps-credit = Sus créditos de DP: horas por año escolar, certificados y solicitudes para contar DP externo con la evidencia que adjunta.
privacy-keeps-community = Lo que escribe en la comunidad: temas, respuestas, sus versiones anteriores cuando las edita, reacciones, los reportes que hace, los espacios que sigue y sus notificaciones.
privacy-keeps-practice = Lo que comparte sobre su práctica: las prácticas de aula que publica y sus versiones, los informes de prueba y los recursos que añade, sus reseñas de herramientas de IA y los desafíos que reporta en el radar.
privacy-keeps-security = Para proteger las cuentas: sus sesiones iniciadas, los tokens de API que crea, los intentos recientes de inicio de sesión (contados por cuenta y por red para frenar a quien adivina contraseñas, y luego olvidados) y un registro de los cambios hechos para las organizaciones (el registro de auditoría).
privacy-keeps-not = No guardamos su ubicación, ningún perfil publicitario ni nada sobre usted que provenga de otros sitios web.
privacy-who-title = Quién puede ver qué
privacy-who-you = Usted lo ve todo, en sus páginas y en la descarga de sus datos.
privacy-who-admins = Los facilitadores y administradores de las organizaciones a las que pertenece, y de las que están por encima (su distrito, su estado, el equipo del programa), ven su progreso y el trabajo que entrega, para revisarlo; sus solicitudes de DP, para decidirlas; y su nombre, correo electrónico y perfil en su directorio de personas. Nadie de una organización a la que usted no pertenece los ve.
privacy-who-community = Una publicación de la comunidad la lee el público de su espacio: cualquier persona en un espacio abierto, solo las personas de su organización en un espacio para miembros. Su nombre aparece junto a sus publicaciones. Un reporte de una publicación llega a los moderadores del espacio; un reporte anónimo nunca muestra quién lo hizo, salvo al equipo del programa.
privacy-who-practice = Su nombre aparece junto a las prácticas que publica y las reseñas de herramientas que escribe. Un desafío que reporta lo ven los administradores que lo examinan, con su nombre salvo que lo reporte de forma anónima: entonces nadie, salvo el equipo del programa, puede saber que fue usted. Los recuentos y las exportaciones de reseñas que salen del equipo del programa no nombran a nadie.
privacy-who-certificates = La página de un certificado la puede abrir cualquier persona que tenga su dirección, que contiene un código aleatorio largo, para que la oficina de una escuela pueda comprobarlo. Muestra su nombre, el curso, las horas y la fecha.
privacy-who-reports = Las cifras que salen del equipo del programa nunca muestran grupos de menos de 10 personas.
privacy-emails-title = Correos electrónicos
privacy-emails = Le escribimos para confirmar su dirección, para restablecer su contraseña, cuando un administrador lo invita, cuando se toma una decisión sobre su trabajo o sus solicitudes de DP externo (al momento, en su resumen o nunca, según lo elija en sus ajustes de notificaciones) y, a menos que lo desactive, un resumen diario o semanal de las notificaciones que no ha leído. Cada resumen tiene un enlace que los detiene con un solo clic.
privacy-choices-title = Sus opciones
privacy-export = Desde la página de su cuenta: un archivo zip con todo lo anterior que es suyo (cuenta, aprendizaje, créditos, comunidad, los cursos que escribe, sus prácticas, informes de prueba y recursos, sus reseñas de herramientas y los desafíos que reportó), en JSON. Las demás personas aparecen en él solo con su nombre visible.
privacy-delete = Desde la página de su cuenta. Su nombre, correo electrónico, contraseña, perfil, membresías, sesiones y tokens se eliminan de inmediato, y también sus reflexiones, el trabajo que entregó, su evidencia de DP y sus reseñas de herramientas. Los desafíos que reportó siguen contados en el radar, ya sin vínculo con usted. Sus certificados siguen siendo válidos para quien tenga su dirección, pero ya no muestran su nombre. El registro de los cambios que hizo para una organización se conserva y muestra «cuenta eliminada» en lugar de usted.
privacy-change-title = Cambiar lo que guardamos
privacy-change = Puede cambiar su nombre, su perfil y su idioma en la página de su perfil, y su correo electrónico y su contraseña en la página de su cuenta, en cualquier momento. Solo usted puede cambiar su correo electrónico o su contraseña.
privacy-questions-title = Preguntas
privacy-questions = Consulte sobre sus datos al administrador de su escuela o distrito, o al equipo del programa que administra Lyceum.
a11y-title = Declaración de accesibilidad
a11y-intro = Lyceum es para todos los docentes, también para quienes usan un lector de pantalla, solo el teclado, ampliación, control por voz o un teléfono. Esta declaración indica qué tan accesible es, cómo lo probamos, qué sabemos que todavía no está bien y cómo avisarnos de un problema.
a11y-standard-title = La norma que buscamos cumplir
a11y-standard = Lyceum busca cumplir las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.1 en el nivel AA.
a11y-how-title = Qué hacemos
a11y-no-js = Todas las páginas funcionan sin JavaScript; los scripts solo hacen que las páginas cambien más rápido.
a11y-keyboard = Todo se puede alcanzar con el teclado, el foco siempre es visible y «Saltar al contenido principal» es el primer enlace de cada página.
a11y-forms = Las etiquetas están encima de los campos y las indicaciones debajo. Los errores se listan al principio del formulario, cada uno con un enlace a su campo, y se repiten junto al campo; no se pierde nada de lo que escribió.
a11y-charts = Los gráficos vienen con una frase que los resume y una tabla con sus números; el color nunca es la única forma de mostrar algo, y el texto mantiene suficiente contraste.
a11y-phones = Las páginas caben en un teléfono de 390 píxeles de ancho sin desplazarse hacia los lados, su contenido empieza cerca de la parte de arriba de la pantalla, y los botones y enlaces miden al menos 44 píxeles de alto.
a11y-languages = Todas las páginas están en inglés y en español, e indican a su navegador en qué idioma están.
a11y-testing-title = Cómo lo probamos
a11y-testing = Cada cambio se prueba en un navegador real (Chromium). Cada página que visitan los recorridos de prueba, en inglés y en español, con y sin JavaScript, se revisa con axe-core según WCAG 2.1 A y AA, y se comprueba que tenga un solo encabezado principal, regiones, el enlace para saltar al contenido, que no se desplace hacia los lados a 390 píxeles de ancho y que el contenido empiece en el 40 % superior de la pantalla de un teléfono.
a11y-testing-keyboard = Los recorridos con teclado inician sesión, editan un perfil y cierran sesión solo con el teclado, y comprueban que el foco sea visible en cada elemento al que se llega con Tab.
a11y-limits-title = Límites conocidos
a11y-limit-automated = Las pruebas automáticas solo encuentran algunos problemas. Lyceum todavía no ha sido auditado por personas con discapacidad ni probado con todos los lectores de pantalla.
a11y-limit-content = Las lecciones y las publicaciones de la comunidad las escriben personas: sus imágenes pueden no tener descripción y su redacción puede ser difícil de seguir.
a11y-limit-files = Los archivos que las personas suben o enlazan, como la evidencia en PDF de DP externo, pueden no ser accesibles.
a11y-limit-time = Por su seguridad, se cierra su sesión después de mucho tiempo sin actividad; un formulario enviado después le pide que vuelva a iniciar sesión.
a11y-report-title = Avísenos de un problema
a11y-report = Si algo en Lyceum le impide avanzar, avise al administrador de su escuela o distrito, o al equipo del programa que administra Lyceum. Indique qué página (su dirección), qué intentaba hacer y qué usa (navegador, lector de pantalla, teléfono). Le ayudaremos a hacer lo que vino a hacer de otra forma mientras lo corregimos.
a11y-written = Esta declaración se escribió en diciembre de 2026 y se revisa cada vez que cambian las páginas.

## Formularios

error-summary-title = Hay un problema
error-prefix = Error:
field-email = Correo electrónico
field-password = Contraseña
field-current-password = Su contraseña actual
field-new-password = Contraseña
field-new-password-hint = Al menos 10 caracteres. Unas cuantas palabras cotidianas seguidas son fáciles de recordar y difíciles de adivinar.
field-password-confirm = Escriba la contraseña otra vez
field-new-email = Nuevo correo electrónico
field-display-name = Nombre
field-display-name-hint = El nombre que verán otros educadores.
field-join-code = Código de acceso
field-join-code-hint = Opcional. Si su sindicato local o distrito le dio un código, escríbalo aquí, por ejemplo K7PMX-3QXD9-RTWAB.
field-language = Idioma
field-language-hint = Las páginas y los correos estarán en este idioma.
field-subjects = Materias que enseña o apoya
field-grade-bands = Grados
field-choose-all-hint = Elija todas las que correspondan.
field-years = Años en educación
field-years-hint = Un número entero, por ejemplo 7.
field-school-role = Su función en la escuela
field-not-say = Prefiero no decirlo
field-org-name = Nombre
field-time-zone = Zona horaria
field-time-zone-hint = El nombre IANA de la zona donde vive su gente, como America/Los_Angeles. Las fechas, los años escolares y los créditos de desarrollo profesional siguen esa zona. Déjelo vacío para usar la zona superior: { $zone }.
field-org-kind = Tipo de organización
field-locale = Entorno
field-school-only-hint = Cómo clasifica el Centro Nacional de Estadísticas Educativas la zona de la escuela.
field-title-i = Title I
field-title-i-hint = Si la escuela recibe fondos de Title I.
field-poverty-band = Nivel de pobreza
field-poverty-band-hint = Proporción del alumnado con derecho a almuerzo gratuito o a precio reducido.
field-enrolment = Estudiantes matriculados
field-domain = Dominio de correo
field-domain-hint = La parte después de la @, por ejemplo distrito.k12.oh.us.
field-role = Rol
field-expires-days = Caduca después de (días)
field-expires-days-hint = De 1 a 90 días. Todo código deja de funcionar en algún momento.
field-max-uses = Máximo de personas que pueden usarlo
field-max-uses-hint = De 1 a 1000 personas. Cuando se hayan unido esas personas, el código deja de funcionar.
field-token-name = Nombre
field-token-name-hint = Para qué sirve el token, por ejemplo «script de informes del distrito».
field-token-expiry = Deja de funcionar después de
field-token-scope = Qué puede hacer el token
field-token-scope-hint = Solo lectura basta para los informes. Elija “Leer y cambiar” solo para un programa que deba cambiar cosas por usted.
field-token-password-hint = La pedimos porque un token puede actuar en su nombre.
token-scope-read = Solo lectura
token-scope-write = Leer y cambiar
field-confirm-delete = Para confirmar, escriba DELETE
field-confirm-delete-hint = En mayúsculas.

## Mensajes después de una acción

flash-signed-in = Ha iniciado sesión.
flash-signed-out = Ha cerrado la sesión.
flash-registered = Ya casi termina: le enviamos un correo. Siga el enlace para confirmar su dirección y luego inicie sesión.
flash-verified = Su correo electrónico está confirmado. Ya puede iniciar sesión.
flash-verification-sent = Si hay una cuenta con esa dirección esperando confirmación, le enviamos un enlace nuevo.
flash-reset-sent = Si alguna cuenta usa esa dirección, le enviamos un enlace para restablecer la contraseña. El enlace funciona durante 2 horas.
flash-password-reset = Su contraseña cambió. Inicie sesión con la nueva contraseña.
flash-password-changed = Su contraseña cambió. Se cerró su sesión en los demás dispositivos.
flash-profile-saved = Se guardó su perfil.
flash-email-change-sent = Enviamos un enlace a su nueva dirección. Su correo cambiará cuando lo siga.
flash-email-changed = Su correo electrónico cambió.
flash-account-deleted = Su cuenta se eliminó. Gracias por participar.
flash-org-saved = Se guardaron los datos.
flash-org-created = Se creó la organización.
flash-domain-added = Se agregó el dominio de correo.
flash-domain-removed = Se quitó el dominio de correo.
flash-domain-proven = El dominio está comprobado: cuenta a partir de ahora.
flash-join-code-revoked = El código de acceso ya no funciona.
flash-invitation-sent = Se envió la invitación. Funciona durante 14 días.
flash-invitation-revoked = Se retiró la invitación.
flash-invitation-accepted = ¡Bienvenido! Se unió a la organización.
flash-role-granted = Se asignó el rol.
flash-role-removed = Se quitó el rol.
flash-joined = Se unió a la organización.
flash-token-revoked = El token ya no funciona.

## Páginas

home-title = Aprenda a usar bien la IA en su aula, junto con otros docentes
home-title-signed-in = Inicio
home-lead = Cursos y una comunidad dirigidos por docentes, para docentes.
home-body = Tome cursos breves sobre la IA en el aula, obtenga créditos de desarrollo profesional con un certificado que su distrito puede comprobar, vea dónde se encuentra en alfabetización en IA y comparta lo que funciona con otros docentes.
home-welcome = Bienvenido, { $name }
home-no-memberships = Todavía no pertenece a ninguna organización.
home-memberships = Sus organizaciones
home-admin = Organizaciones que usted administra
home-manage = Administrar { $name }
home-next = Qué puede hacer ahora
home-profile-link = Cuéntenos qué enseña
home-join-link = Unirse a una organización con un código

sign-in-title = Iniciar sesión
sign-in-button = Iniciar sesión
sign-in-no-account = ¿Todavía no tiene cuenta?

register-title = Crear una cuenta
register-intro = Use el correo de su escuela o distrito. Si su sindicato local o distrito le dio un código de acceso, puede usar cualquier dirección.
register-email-hint = Le enviaremos un enlace para confirmarlo.
register-privacy = Usamos su correo solo para que inicie sesión y para enviarle lo que pida. Solo usted y los administradores de su organización pueden verlo.
register-button = Crear la cuenta
register-have-account = ¿Ya tiene una cuenta?

resend-title = Enviar de nuevo el enlace de confirmación
resend-intro = Escriba la dirección con la que se registró.
resend-button = Enviar el enlace
forgot-title = ¿Olvidó su contraseña?
forgot-intro = Escriba la dirección con la que se registró. Le enviaremos un enlace para elegir una contraseña nueva.
forgot-button = Enviar el enlace
reset-title = Elija una contraseña nueva
reset-button = Guardar la contraseña nueva
reset-signs-out = Una contraseña nueva cierra su sesión en todos los dispositivos y hace que todos sus tokens de la API dejen de funcionar.
link-problem-title = No se puede usar este enlace

profile-title = Su perfil
profile-intro = Esto nos ayuda a sugerirle cursos y personas cercanas. Los demás educadores solo ven su nombre.
welcome-title = Le damos la bienvenida a Lyceum
welcome-intro = Dos preguntas rápidas, para sugerirle cursos que encajen con su aula. Puede saltarlas y responderlas más tarde en su perfil.
welcome-school = Su escuela
welcome-school-hint = Las escuelas de la organización a la que se unió. Se une a la suya como educador.
welcome-school-none = Mi escuela no aparece
welcome-no-schools = Aún no hay escuelas en su organización. Si su escuela le dio un código para unirse, puede usarlo.
welcome-save = Guardar y continuar
welcome-skip = Saltar por ahora
error-choose-one--school = Elija su escuela de la lista.
profile-save = Guardar el perfil

account-title = Su cuenta
account-change-email = Cambiar el correo electrónico
account-change-password = Cambiar la contraseña
account-password-hidden = Oculta
account-more = Más
account-tokens-hint = claves que permiten que otros programas usen Lyceum en su nombre.
account-export = Descargar sus datos
account-export-hint = todo lo que guardamos sobre usted, en un archivo JSON.

email-title = Cambiar su correo electrónico
email-current = Su correo electrónico es { $email }.
email-intro = Enviaremos un enlace a la nueva dirección. Nada cambia hasta que lo siga.
email-password-hint = Para saber que es usted.
email-button = Enviar el enlace

password-title = Cambiar su contraseña
password-other-sessions = Seguirá con la sesión iniciada aquí y se cerrará en los demás dispositivos.
password-revoke-tokens = Revocar también mis tokens de la API
password-revoke-tokens-hint = Los programas que los usan dejarán de funcionar hasta que cree tokens nuevos. Revóquelos si otra persona pudo conocer su contraseña.
password-button = Cambiar la contraseña

delete-title = Eliminar su cuenta
delete-intro = Esto no se puede deshacer.
delete-removed-title = Lo que eliminamos
delete-removed-identity = Su nombre, correo electrónico y contraseña.
delete-removed-profile = Su perfil: idioma, materias, grados, experiencia y función.
delete-removed-memberships = Sus roles y membresías en organizaciones.
delete-removed-access = Sus sesiones, tokens de API y enlaces enviados por correo.
delete-kept-title = Lo que conservamos, sin su nombre
delete-kept-audit = El registro de los cambios que hizo para una organización (por ejemplo, «un administrador creó una escuela»), que se conserva para rendir cuentas. Muestra «cuenta eliminada» en lugar de su nombre.
delete-export-first = Descargue primero sus datos
delete-button = Eliminar mi cuenta

tokens-title = Tokens de API
tokens-intro = Un token permite que un programa, como un script de informes, use la API de Lyceum en su nombre. Mantenga los tokens en secreto, como las contraseñas.
tokens-created-title = Su nuevo token
tokens-created-body = Cópielo ahora. Por su seguridad, no lo volveremos a mostrar.
tokens-yours = Sus tokens
tokens-none = No tiene tokens.
tokens-created-on = Creado
tokens-last-used = Último uso
tokens-expires = Caduca
tokens-may = Puede
tokens-expired = Venció el { $date }
tokens-revoke = Revocar { $name }
tokens-new = Crear un token
tokens-create = Crear el token

join-title = Unirse a una organización
join-intro = Escriba el código de acceso que le dio su sindicato local, distrito o escuela.
join-code-hint = Por ejemplo K7PMX-3QXD9-RTWAB. No importan las mayúsculas, los espacios ni los guiones.
join-button = Unirse

invitation-title = Tiene una invitación
invitation-intro = Le invitan a unirse a { $org } como { $role }.
invitation-accept = Aceptar la invitación
invitation-wrong-account = Esta invitación es para { $email }. Cierre la sesión y abra el enlace otra vez para aceptarla con esa cuenta.
invitation-sign-in = Ya existe una cuenta para { $email }. Inicie sesión para aceptar.
invitation-register = Cree su cuenta para { $email }.
invitation-register-button = Crear la cuenta y unirse

org-title = Organización
org-manage = Administrar esta organización
org-school-facts = Acerca de esta escuela
org-below = Organizaciones que dependen de esta
org-none-below = Todavía no se agregó nada debajo de esta organización.

people-title = Personas
people-intro = Todas las personas con un rol en { $org } o debajo.
people-none = Todavía no hay nadie. Invite a personas, comparta un código de acceso o agregue un dominio de correo.
people-roles = Roles

org-admin-sections = Secciones
org-admin-tabs-label = Administrar
org-admin-details-title = Datos
org-admin-save = Guardar los datos
org-admin-new-title = Agregar debajo
org-admin-new-none = No se puede agregar nada debajo de una escuela.
org-admin-create = Crear la organización
org-admin-joining-title = Cómo unirse
org-admin-invitations-title = Invitaciones
org-admin-roles-title = Roles

joining-intro = Las personas pueden unirse a esta organización registrándose con un correo de uno de sus dominios o con un código de acceso.
joining-domains-title = Dominios de correo
joining-domains-intro = Quien confirme una dirección de estos dominios se une como docente, una vez comprobado que el dominio es de esta organización.
joining-domains-none = Todavía no hay dominios de correo.
joining-domain-add = Agregar el dominio
joining-domain-remove = Quitar { $domain }
domain-status-proven = Comprobado
domain-status-waiting = Falta comprobarlo
domain-prove-link = Comprobar { $domain }
domain-proof-title = Comprobar un dominio de correo
domain-proof-heading = Comprobar { $domain }
domain-waiting-intro = Hasta que compruebe que { $domain } pertenece a esta organización, no cuenta: nadie se registra con él y ningún proveedor de inicio de sesión habla por él. Si otra organización lo comprueba antes, el dominio queda para ella.
domain-proven-intro = Quienes confirmen una dirección de este dominio se unen a esta organización como docentes, y sus proveedores de inicio de sesión pueden hablar por ellos.
domain-proven-dns = Comprobado el { $date } por su registro DNS.
domain-proven-approval = Aprobado por { $name } el { $date }.
domain-proven-migration = Agregado el { $date }, antes de que se pidiera comprobarlo, así que cuenta como comprobado.
domain-dns-title = Publique un registro DNS
domain-dns-intro = Pida a quien administra el DNS de su dominio que agregue este registro TXT y luego compruébelo aquí. Un registro nuevo puede tardar unas horas en verse.
domain-record-type = Tipo
domain-record-name = Nombre
domain-record-value = Valor
domain-check-button = Comprobar ahora
domain-approval-title = O pídalo al equipo del programa
domain-approval-intro = Si no puede cambiar el DNS de su dominio, el equipo del programa puede aprobar el dominio. Ya está en su lista de espera.
domain-approve-button = Aprobar { $domain }
domain-back = Volver a Cómo unirse
domain-approvals-title = Dominios de correo que esperan aprobación
domain-approvals-intro = Estas organizaciones agregaron estos dominios y no los comprobaron con un registro DNS. Apruebe un dominio solo si sabe que pertenece a la organización: su gente se une con él, y sus proveedores de inicio de sesión hablan por ella.
domain-approvals-none = No hay dominios que esperen aprobación.
domain-approvals-org = Organización
domain-approvals-claimed = Agregado el
domain-approvals-review = Revisar { $domain }
domain-approvals-link = Dominios de correo que esperan aprobación en todo el programa
joining-codes-title = Códigos de acceso
joining-codes-intro = Comparta un código en una diapositiva o en un mensaje. Quien lo escriba se une como educador o como facilitador, según el código. Un código se muestra una sola vez, al crearlo; aquí cada uno se identifica por sus dos últimos caracteres.
joining-codes-none = Todavía no hay códigos de acceso.
joining-uses = Usos
joining-code-new = Nuevo código de acceso
joining-code-create = Crear el código
joining-code-revoke = Revocar el código que termina en { $code }
joining-code-made-title = Se creó el código de acceso
joining-code-made-body = Compártalo con las personas que deben unirse. Anótelo o imprima esta página ahora: no se volverá a mostrar.
joining-code-ending = Termina en
joining-code-made-by = Creado por

invite-intro = Enviaremos un enlace por correo a la persona. Puede unirse con la cuenta que ya tiene o crear una.
invite-email-hint = Su correo de la escuela o personal.
invite-button = Enviar la invitación
invite-pending = Esperando respuesta
invite-none = No hay invitaciones pendientes.
invite-sent = Enviada
invite-revoke = Retirar la invitación a { $email }

roles-intro = Personas que tienen un rol en esta misma organización. Un rol aquí también abarca todo lo que está debajo.
roles-none = Nadie tiene un rol aquí todavía.
roles-remove = Quitar { $role } a { $name }
roles-grant-title = Asignar un rol a alguien
roles-email-hint = El correo electrónico de su cuenta de Lyceum.
roles-grant-button = Asignar el rol

## Páginas de error

error-title = Error
error-go-home = Ir a la página de inicio
error-400-title = Algo en la solicitud no estaba bien
error-400-body = Vuelva atrás e inténtelo de nuevo. Si sigue pasando, avise a quien administra Lyceum para usted.
error-401-title = Inicie sesión
error-401-body = Necesita iniciar sesión para ver esta página.
error-403-title = No tiene acceso a esta página
error-403-body = Esta página es para personas con otro rol, como los administradores de esta organización. Si cree que debería tener acceso, pregunte al administrador de su sindicato local o distrito.
error-404-title = No se encontró la página
error-404-body = Si escribió la dirección, revísela. Si siguió un enlace, puede estar desactualizado.
error-405-title = Eso no funciona aquí
error-405-body = Vuelva atrás e inténtelo de nuevo.
error-422-title = Parte de lo que envió no es válido
error-422-body = Vuelva atrás, corríjalo e inténtelo de nuevo.
error-429-title = Demasiados intentos
error-429-body = Espere un minuto y vuelva a intentarlo.
error-500-title = Lo sentimos, algo falló de nuestro lado
error-500-body = Vuelva a intentarlo en unos minutos. No se guardó nada de lo que escribió.

## Mensajes de error de la API (api-error-<código>)

api-error-not_found = No se encontró.
api-error-forbidden = Usted no puede hacer esto.
api-error-unauthenticated = Envíe un token de acceso personal como «Authorization: Bearer …».
api-error-invalid_token = El token no es válido, caducó o fue revocado.
api-error-insufficient_scope = Este token no tiene el alcance “{ $scope }” que esta solicitud necesita. En la página de tokens de la API, cree un token que pueda “Leer y cambiar”.
api-error-bad_request = No se pudo leer la solicitud.
api-error-validation_failed = Algunos campos no son válidos.
api-error-method_not_allowed = Este método no está permitido aquí.
api-error-rate_limited = Demasiadas solicitudes. Espere un minuto.
api-error-internal = Algo falló de nuestro lado.

## Correos

email-greeting = Hola, { $name }:
email-greeting-anonymous = Hola:
email-footer = Lyceum: aprendizaje profesional sobre IA dirigido por docentes. Recibe este correo porque alguien usó esta dirección en Lyceum. Si no fue usted, puede ignorarlo.
email-verify-subject = Confirme su correo electrónico para Lyceum
email-verify-body = Gracias por unirse a Lyceum. Confirme su correo electrónico para terminar de crear su cuenta.
email-verify-expiry = El enlace funciona durante 3 días.
email-verify-action = Confirmar mi correo electrónico
email-reset-subject = Restablezca su contraseña de Lyceum
email-reset-body = Alguien pidió restablecer la contraseña de su cuenta de Lyceum. Si fue usted, elija una contraseña nueva con este enlace.
email-reset-expiry = El enlace funciona durante 2 horas y una sola vez. Si no lo pidió, ignore este correo: su contraseña no cambia.
email-reset-tokens = Elegir una contraseña nueva también cierra su sesión en todas partes y hace que sus tokens de la API dejen de funcionar.
email-reset-action = Elegir una contraseña nueva
email-exists-subject = Alguien intentó registrarse con su correo electrónico
email-exists-body = Alguien intentó crear una cuenta nueva de Lyceum con esta dirección, pero usted ya tiene una. Si fue usted, inicie sesión. Si olvidó su contraseña, elija «¿Olvidó su contraseña?» en la página de inicio de sesión.
email-exists-not-you = Si no fue usted, no necesita hacer nada: no se creó ninguna cuenta y su contraseña sigue siendo la misma.
email-exists-action = Iniciar sesión en Lyceum
email-change-subject = Confirme su nuevo correo electrónico para Lyceum
email-change-body = Pidió usar esta dirección para su cuenta de Lyceum. Confírmela para hacer el cambio.
email-change-expiry = El enlace funciona durante 24 horas.
email-change-action = Confirmar la nueva dirección
email-changed-subject = Cambió el correo electrónico de su cuenta de Lyceum
email-changed-body = El correo electrónico de su cuenta de Lyceum ahora es { $email }.
email-changed-not-you = Si no fue usted, restablezca su contraseña de inmediato y avise al administrador de su sindicato local o distrito.
email-invitation-subject = Tiene una invitación a Lyceum
email-invitation-body = { $inviter } le invitó a unirse a { $org } en Lyceum como { $role }.
email-invitation-expiry = La invitación funciona durante 14 días.
email-invitation-action = Aceptar la invitación
email-roster-linked-subject = Su cuenta de Lyceum se vinculó a un registro
email-roster-linked-body = { $org } vinculó su cuenta de Lyceum a su registro «{ $source }», así que los roles que ese registro le da allí siguen lo que el registro indique.
email-roster-linked-yours = Su dirección de correo, su nombre y su contraseña no cambian: solo usted puede cambiarlos.
email-roster-linked-contact = Si usted no trabaja con { $org } o no esperaba esto, comuníquese con los administradores de { $org }.

## Mensajes propios de un campo: error-<código>--<campo>, en lugar de error-<código> cuando existen.

error-required--display_name = Escriba su nombre.
error-invisible-characters--display_name = Su nombre no puede contener caracteres de formato invisibles.
error-required--name = Escriba un nombre.
error-required--domain = Escriba un dominio de correo.
error-choose-one--preferred_language = Elija un idioma.
error-choose-one--kind = Elija el tipo de organización.
error-choose-one--role = Elija un rol.
error-choose-one--org = Elija una organización.
error-choose-one--title_i = Indique si la escuela es Title I.
error-choose-one--locale = Elija de la lista el entorno de la escuela.
error-choose-one--poverty_band = Elija de la lista el nivel de pobreza de la escuela.
error-choose-one--school_role = Elija de la lista su función en la escuela.
error-choose-one--expires_in_days = Elija cuándo deja de funcionar el token.
error-choose-one--scope = Elija qué puede hacer el token.
error-required--title = Escriba un título.
error-required--hours = Escriba las horas, por ejemplo 1,5.
error-required--completed_on = Escriba la fecha en que lo terminó.
error-required--following = Indique si quiere seguir el espacio.
error-choose-one--subject = Elija una materia de la lista.
error-choose-one--grade_band = Elija un grado de la lista.
error-choose-one--competency = Elija una competencia de la lista.
error-choose-one--delivery = Elija de la lista cómo se imparte el curso.
error-choose-one--language = Elija un idioma de la lista.
error-choose-one--hours = Elija una duración de la lista.
error-choose-one--sort = Elija un orden de la lista.
error-choose-one--from = Elija un año escolar de la lista.
error-choose-one--decision = Elija una decisión.
error-choose-one--lang = Elija inglés o español.
error-choose-one--visibility = Elija quién puede ver el espacio.
error-choose-one--aspect = Elija uno de los niveles que se ofrecen para este aspecto.
error-number-range--years_experience = Escriba sus años en educación como un número entero de { $min } a { $max }.
error-number-range--enrolment = Escriba el número de estudiantes matriculados como un número entero de { $min } a { $max }.
error-number-range--expires_in_days = Escriba el número de días como un número entero de { $min } a { $max }.
error-number-range--max_uses = Escriba el máximo de personas que pueden usar el código como un número entero de { $min } a { $max }.
error-unknown-choice--subjects = «{ $value }» no es una de las materias.
error-unknown-choice--grade_bands = «{ $value }» no es uno de los grados.

## Directorio

people-search-label = Buscar personas
people-search = Nombre o correo
people-search-hint = El comienzo de cualquier palabra de un nombre o correo electrónico, por ejemplo «ana riv».
people-place = Dónde
people-everywhere = Todo { $org }
people-any = Cualquiera
people-subject = Materia
people-grade-band = Grados
people-search-button = Buscar
people-export = Descargar esta lista (CSV)
people-no-match = Nadie coincide. Pruebe con menos palabras o menos filtros.
people-teaching = Enseña
csv-id = ID
csv-status = Estado
csv-active = Activa
csv-deactivated = Desactivada

## Importación del registro (OneRoster): roster-problem-<código>

roster-problem-missing-manifest = El paquete no tiene manifest.csv.
roster-problem-missing-file = El manifiesto marca este archivo como { $manifest_value }, pero el paquete no lo tiene.
roster-problem-file-not-in-manifest = El archivo está, pero el manifiesto lo marca como ausente o no lo menciona, así que no se leyó.
roster-problem-nothing-to-import = El manifiesto no menciona orgs.csv, users.csv ni roles.csv.
roster-problem-empty-file = El archivo está vacío: necesita al menos una fila de encabezados.
roster-problem-missing-property = Al manifiesto le falta la fila { $property }.
roster-problem-too-many-problems = Hay más de { $max } problemas en este archivo. Corrija estos y vuelva a intentarlo para ver los demás.
roster-problem-invalid-utf8 = El byte { $byte } de este campo no es UTF-8. Guarde el archivo como UTF-8.
roster-problem-bad-quote = Hay comillas dentro de un campo sin comillas, o texto después de cerrar las comillas. Ponga todo el campo entre comillas y duplique las comillas internas.
roster-problem-unterminated-quote = Un campo entre comillas empieza aquí y nunca se cierra.
roster-problem-wrong-field-count = La fila tiene { $found } campos, pero el encabezado tiene { $expected }.
roster-problem-missing-column = Al encabezado le falta la columna { $column }.
roster-problem-extra-column = «{ $column }» no es una columna de este archivo. Las columnas adicionales deben llamarse metadata.* e ir al final.
roster-problem-extra-column-expected = «{ $column }» no es una columna de este archivo. ¿Quiso decir «{ $expected }»? Los nombres de columna distinguen mayúsculas.
roster-problem-duplicate-column = El encabezado tiene dos veces la columna { $column }.
roster-problem-bad-manifest = «{ $value }» no es un modo de procesamiento para { $property }. Use absent, bulk o delta.
roster-problem-unsupported-version = No se admite { $property } «{ $value }» (manifest.version debe ser 1.0; oneroster.version, 1.1 o 1.2).
roster-problem-duplicate-property = Esta propiedad ya se dio en la línea { $first_line }.
roster-problem-missing-required-value = Falta un valor obligatorio.
roster-problem-bad-status = «{ $value }» no es un estado. Use active o tobedeleted.
roster-problem-status-in-bulk = En un archivo bulk el estado debe estar vacío o ser «active», no «{ $value }»: un archivo bulk solo lista lo que existe.
roster-problem-missing-status-in-delta = Un archivo delta necesita un estado (active o tobedeleted) en cada fila.
roster-problem-missing-date-in-delta = Un archivo delta necesita dateLastModified en cada fila.
roster-problem-bad-datetime = «{ $value }» no es una fecha y hora como 2026-09-01T12:00:00Z.
roster-problem-bad-date = «{ $value }» no es una fecha como 2026-09-01.
roster-problem-end-before-begin = La fecha de fin { $end } es anterior a la de inicio { $begin }.
roster-problem-bad-boolean = «{ $value }» no es true ni false.
roster-problem-bad-email = «{ $value }» no es un correo electrónico.
roster-problem-bad-org-type = «{ $value }» no es un tipo de organización que Lyceum pueda ubicar. Use national, state, district, local, school o department.
roster-problem-unknown-role = «{ $value }» no es un rol de OneRoster.
roster-problem-bad-role-type = «{ $value }» no es un tipo de rol. Use primary o secondary.
roster-problem-duplicate-sourced-id = El sourcedId «{ $value }» ya se usa en la línea { $first_line }.
roster-problem-unknown-org = Ninguna organización tiene el sourcedId «{ $value }».
roster-problem-unknown-user = Ningún usuario tiene el sourcedId «{ $value }».
roster-problem-org-cycle = Estas organizaciones son antecesoras de sí mismas: { $cycle }.
roster-problem-bad-org-parent = Un { $type } no puede estar bajo un { $parent_type } (superior «{ $parent }»).
roster-problem-department-without-parent = Un department necesita parentSourcedId: su personal se une a la escuela de arriba.
roster-problem-email-used-twice = { $value } también es el correo del usuario de la línea { $first_line }. Una persona, una cuenta.
roster-problem-account-not-linkable = { $value } ya tiene una cuenta de Lyceum que este registro no puede tomar: tiene un rol distinto de educador, pertenece a una organización fuera de { $org } o no pertenece a ninguna. Quite la fila. La persona puede unirse con una invitación o un código de acceso.
roster-problem-cannot-place-org = Un { $type } no se puede ubicar bajo { $parent } ({ $parent_type }).
roster-problem-org-outside-scope = { $value } se importó antes en { $place }, fuera de la organización de esta importación.
roster-problem-bad-zip = No se puede leer el archivo zip: { $reason }.
roster-problem-zip-too-many-files = El zip contiene más de { $max } archivos. Un registro tiene 13 como máximo.
roster-problem-zip-file-too-large = { $file } ocupa más de { $max } al descomprimirse.
roster-problem-zip-too-large = El zip ocupa más de { $max } en total al descomprimirse.
roster-problem-zip-ratio = { $file } ocupa más de { $max } veces su tamaño comprimido al descomprimirse. Los archivos de un registro nunca lo hacen, así que no se descomprimió.
roster-problem-import-running = Ya hay una importación en curso para esta organización. Inténtelo de nuevo en unos minutos.
roster-problem-source-elsewhere = La fuente «{ $value }» pertenece a otra organización. Dé otro nombre a esta importación.

## Página de carga del registro

import-tab = Registro
import-title = Importar un registro
import-intro = Suba los archivos OneRoster 1.2 que exporta su sistema de información estudiantil (un zip, o manifest.csv, orgs.csv, users.csv y roles.csv). El personal se une a las organizaciones que nombra el registro; no se importan estudiantes ni tutores. Los registros muy grandes (un estado entero o el programa) se cargan desde la línea de comandos.
import-existing-accounts = Las personas que ya tienen una cuenta de Lyceum se vinculan al registro solo si todos sus roles son de educador en esta organización; reciben un correo que se lo avisa. Un registro nunca cambia la dirección de correo de nadie, solo cambia los nombres de las cuentas que creó y solo quita una cuenta si todos sus roles vinieron de este registro.
import-files = Archivos del registro
import-files-hint = Un .zip, o los propios archivos .csv.
import-no-files = Elija el zip o los archivos CSV del registro.
import-source = Nombre de este registro
import-source-hint = Use el mismo nombre cada vez que suba desde el mismo sistema: así las personas y los roles se actualizan en lugar de agregarse de nuevo.
import-dry-run = Solo revisar los archivos, sin cambiar nada
import-button = Subir el registro
import-problems = { $count ->
    [one] El registro tiene 1 problema
   *[other] El registro tiene { $count } problemas
}
import-nothing-changed = No se cambió nada. Corrija los archivos y vuelva a subirlos.
import-problems-title = Problemas por corregir
import-more-problems = { $count ->
    [one] …y 1 problema más.
   *[other] …y { $count } problemas más.
}
import-file = Archivo
import-line = Línea
import-column = Columna
import-problem = Problema
import-checked = El registro está listo para importarse
import-done = Se importó el registro
import-summary = Lo que hizo la importación
import-records = Registros
import-created = Agregados
import-updated = Actualizados
import-unchanged = Sin cambios
import-deactivated = Quitados
import-orgs = Organizaciones
import-people = Personas
import-roles = Roles
import-ignored = { $count ->
    [one] No se importó 1 estudiante o tutor.
   *[other] No se importaron { $count } estudiantes o tutores.
}
import-reactivated = { $count ->
    [one] Volvió 1 persona.
   *[other] Volvieron { $count } personas.
}
import-files-not-used = Archivos no usados: { $files }.
import-linked = { $count ->
    [one] 1 persona ya tenía una cuenta de Lyceum: se vincula a este registro y recibe un correo que se lo avisa.
   *[other] { $count } personas ya tenían cuentas de Lyceum: se vinculan a este registro y cada una recibe un correo que se lo avisa.
}
import-differences-title = Diferente en Lyceum
import-differences-intro = { $count ->
    [one] El nombre o el correo de 1 persona en el registro no coincide con su cuenta de Lyceum. Lyceum conserva lo que eligió la persona: solo ella puede cambiar su dirección de correo, y un registro solo cambia los nombres de las cuentas que creó.
   *[other] El nombre o el correo de { $count } personas en el registro no coincide con sus cuentas de Lyceum. Lyceum conserva lo que eligió cada persona: solo ella puede cambiar su dirección de correo, y un registro solo cambia los nombres de las cuentas que creó.
}
import-users-line = Línea en users.csv
import-sourced-id = sourcedId
import-difference = Diferencia
import-difference-email = La dirección de correo es distinta
import-difference-name = El nombre es distinto
import-difference-both = La dirección de correo y el nombre son distintos
import-more-differences = { $count ->
    [one] …y 1 más.
   *[other] …y { $count } más.
}

## Invitaciones desde una lista

error-csv-not-utf8 = El archivo no es texto UTF-8. Guárdelo como CSV (UTF-8).
error-csv-unreadable = La línea { $line } tiene más que una dirección y un rol.
error-csv-email-invalid = Línea { $line }: «{ $value }» no es un correo electrónico.
error-csv-role-unknown = Línea { $line }: «{ $value }» no es un rol.
error-csv-email-twice = Línea { $line }: esta dirección ya está en la línea { $first }.
error-csv-role-not-allowed = Línea { $line }: usted no puede asignar ese rol aquí.
error-csv-too-many = La lista tiene más de { $max } personas. Divídala en archivos más pequeños.
error-csv-empty = La lista no tiene a nadie.
error-required--file = Elija un archivo CSV.
invite-list-title = Invitar a una lista de personas
invite-list-hint = Un archivo CSV con un correo electrónico por línea y, si lo desea, un rol después de una coma (educator, facilitator, author, moderator u org_admin). Quien no tenga rol recibe el que elija aquí.
invite-list-file = Lista de personas (CSV)
invite-list-role = Rol para quien no tenga uno en la lista
invite-list-button = Enviar las invitaciones
flash-invitations-sent = Se enviaron las invitaciones. Funcionan durante 14 días.

## Inicio de sesión único (OpenID Connect)

sso-sign-in-heading = O inicie sesión con su cuenta escolar
sso-sign-in-who = El inicio de sesión escolar es para docentes. Si además facilita, modera, escribe cursos o administra, o pertenece a más de una organización, inicie sesión con su correo y contraseña más arriba.
sso-find-title = Iniciar sesión con su cuenta escolar
sso-find-intro = Si su escuela, distrito o sindicato local le permite iniciar sesión con la cuenta que usa en el trabajo, búsquela aquí.
field-sso-school = Su correo escolar, o el nombre de su escuela o distrito
field-sso-school-hint = Por ejemplo ana.rivera@distrito.k12.oh.us, o Columbus.
sso-find-button = Buscar el acceso de mi escuela
sso-choices-title = Iniciar sesión con
sso-continue-with = Continuar con { $provider }
sso-use-password = Iniciar sesión con correo y contraseña
sso-problem-title = No pudimos iniciar su sesión
sso-try-again = Intentar de nuevo
sso-refused-state = Este inicio de sesión ya no es válido: ya se usó, tardó más de 10 minutos o se empezó en otro navegador. Empiece de nuevo.
sso-refused-cancelled = Se canceló el inicio de sesión en el servicio de acceso de su escuela. No se cambió nada.
sso-refused-provider = El servicio de acceso de su escuela no respondió como se esperaba. Intente más tarde o avise a su administrador.
sso-refused-unavailable = No pudimos comunicarnos con el servicio de acceso de su escuela. Intente de nuevo en unos minutos.
sso-refused-token = No pudimos confiar en la respuesta del servicio de acceso de su escuela, así que no iniciamos su sesión. Si vuelve a pasar, avise a su administrador.
sso-refused-expired = La respuesta del servicio de acceso de su escuela ya había vencido. Revise que la hora de su dispositivo sea correcta e intente de nuevo.
sso-refused-email-unverified = El servicio de acceso de su escuela no ha confirmado su correo electrónico, así que no podemos vincularlo con una cuenta de Lyceum. Consulte a su administrador o inicie sesión con su correo y contraseña.
sso-refused-no-email = El servicio de acceso de su escuela no nos indicó su correo electrónico, así que no podemos crear su cuenta. Pida a su administrador que lo comparta con Lyceum.
sso-refused-domain-not-allowed = Su correo electrónico no pertenece a un dominio de este acceso. Use su cuenta escolar u otra forma de iniciar sesión.
sso-refused-account-closed = Esta cuenta se cerró. Si es un error, pida a su administrador que la restablezca.
error-sso-search-short = Escriba al menos 3 letras del nombre, o su correo electrónico completo.
error-sso-none = No encontramos un acceso escolar para eso. Revise la ortografía, pruebe con el nombre de su distrito o inicie sesión con su correo y contraseña.
error-required--school = Escriba su correo escolar, o el nombre de su escuela o distrito.
error-issuer-invalid = Escriba una dirección web que empiece con https://, como https://accounts.google.com, sin nada después de un ? o #.
error-too-many-domains = Indique 50 dominios como máximo.
error-required--issuer = Escriba la URL del emisor.
error-required--client_id = Escriba el ID de cliente.
error-required--client_secret = Escriba el secreto de cliente.
error-domain-invalid--domains = Escriba dominios como distrito.k12.oh.us, separados por comas.
org-admin-sso-title = Inicio de sesión único
org-admin-sso-edit-title = Proveedor de acceso
sso-admin-intro = Permita que las personas inicien sesión con la cuenta que ya usan en el trabajo, mediante un proveedor OpenID Connect como Google Workspace o Microsoft Entra ID. Quien inicie sesión por primera vez obtiene una cuenta y se une a esta organización como docente.
sso-admin-redirect = Al registrar Lyceum con el proveedor, indique esta URI de redirección:
sso-admin-providers = Proveedores de acceso
sso-admin-none = Todavía no hay proveedores de acceso.
sso-admin-issuer = Emisor
sso-admin-client-id = ID de cliente
sso-admin-domains = Dominios de correo
sso-admin-link = Enlace de acceso para compartir
sso-admin-edit = Editar { $name }
sso-admin-remove = Quitar { $name }
sso-admin-remove-hint = Quienes solo iniciaban sesión con este proveedor pueden entrar restableciendo su contraseña por correo.
sso-admin-add-title = Agregar un proveedor
sso-admin-add-button = Agregar proveedor
sso-admin-save-button = Guardar proveedor
sso-admin-back = Volver a inicio de sesión único
field-sso-name = Nombre que verán las personas
field-sso-name-hint = Por ejemplo, Google Workspace de Columbus City Schools.
field-issuer = URL del emisor
field-issuer-hint = La da el proveedor, por ejemplo https://accounts.google.com. Lyceum lee la configuración del proveedor en esta dirección.
field-client-id = ID de cliente
field-client-secret = Secreto de cliente
field-client-secret-hint = Lo da el proveedor. Se guarda cifrado, solo se usa para iniciar sesión y no se vuelve a mostrar.
field-client-secret-replace-hint = Hay un secreto guardado. Deje este campo vacío para conservarlo, o ingrese uno nuevo para reemplazarlo. Si cambia el emisor, ingrese el secreto de nuevo.
field-sso-domains = Dominios de correo
field-sso-domains-hint = Los dominios de las direcciones de su gente, separados por comas. Cada uno debe agregarse y comprobarse antes en la página Cómo unirse de esta organización o de una que esté dentro. Las personas encuentran el proveedor por su correo, y solo pueden iniciar sesión con él las direcciones de estos dominios que el proveedor diga haber confirmado.
flash-sso-provider-added = Se agregó el proveedor de acceso.
flash-sso-provider-saved = Se guardó el proveedor de acceso.
flash-sso-provider-removed = Se quitó el proveedor de acceso.

# Inicio de sesión único: reglas de seguridad
error-domain-public-mail = Ese es un servicio de correo público que cualquiera puede usar. Escriba un dominio que pertenezca a su organización.
error-sso-domain-not-held = Cada dominio debe pertenecer antes a esta organización: agréguelo en la página Cómo unirse de esta organización o de una que esté dentro, y compruebe que es suyo.
error-sso-secret-again = Vuelva a ingresar el secreto de cliente: el emisor cambió, y el secreto guardado se dio para el anterior.
error-required--domains = Escriba al menos un dominio de correo de su organización.
sso-refused-link-needs-password = El inicio de sesión escolar es solo para docentes que pertenecen a esta organización y a ninguna otra. Su cuenta tiene otras funciones, o ninguna. Inicie sesión con su correo y contraseña. ¿Aún no tiene contraseña? Use “¿Olvidó su contraseña?” en la página de inicio de sesión para crear una.
sso-admin-redirect-after = Cuando agregue un proveedor, esta página mostrará la URI de redirección que debe registrar en él.
sso-admin-redirect-uri = URI de redirección
sso-continue-title = ¿Continuar al inicio de sesión de su escuela?
sso-continue-intro = Siguió un enlace para iniciar sesión con { $provider } ({ $org }). Continúe solo si quería iniciar sesión en Lyceum.
sso-going-title = Camino al inicio de sesión de su escuela
sso-going-intro = Lo llevamos a { $provider } para iniciar sesión. Si no pasa nada, use este botón.

# Marcos de competencias
competencies-title = Competencias en IA
competencies-intro = Los marcos con los que Lyceum relaciona el aprendizaje. Cada curso indica qué competencias desarrolla y en qué nivel.
competencies-source = Fuente:
competencies-levels = Niveles
competencies-by-aspect = Competencias por aspecto y nivel
competencies-aspect = Aspecto
competencies-items = Competencias
home-competencies-link = Ver las competencias en IA para docentes
home-radar-link = Ver los desafíos que encuentran los docentes con la IA
competencies-builtin-note = Los resúmenes y el texto en español están escritos para Lyceum.

# Cursos
courses-title = Cursos
courses-intro = Cursos breves para usar bien la IA en clase, cada uno con las horas de desarrollo profesional que otorga y las competencias que desarrolla.
courses-none = Todavía no hay cursos.
course-hours = { $hours } horas de desarrollo profesional
course-pd-hours = Crédito de desarrollo profesional
course-delivery = Formato
course-language = Idioma
course-licence = Licencia
course-offered-by = Lo ofrece { $org }
course-builds = Competencias que desarrolla
course-prerequisites = Tome antes estos cursos
course-contents = Contenido
lesson-pager = Lecciones
lesson-previous = Anterior
lesson-next = Siguiente
lesson-back-to-course = Volver al curso
delivery-self-paced = A su ritmo
delivery-cohort = Con un grupo
delivery-in-person = Presencial
delivery-virtual = En línea en vivo
activity-reading = Lectura
home-courses-link = Ver los cursos
course-sign-in-to-enrol = Inicie sesión para inscribirse: así Lyceum guarda su avance, cuenta sus horas de desarrollo profesional y registra lo que termina.
course-sign-in-button = Iniciar sesión para inscribirse
course-read-first = Leer la primera lección
course-enrol = Inscribirme en este curso
course-completed = Completó este curso.
course-progress = { $done } de { $total } lecciones terminadas
course-progress-label = Su avance
course-continue = Seguir donde lo dejó
lesson-finished-tag = Terminada
lesson-task-returned-tag = Devuelta: vea los comentarios
lesson-task-waiting-tag = Tarea pendiente de revisión
lesson-finished = Terminó esta lección.
lesson-finish = Terminé esta lección
flash-enrolled = Ya está inscrito. Esta es la primera lección.
flash-lesson-finished = Lección terminada.
flash-course-completed = Completó el curso.
home-courses = Sus cursos
home-course-completed = Completado
home-continue = Continúe donde lo dejó
home-lesson-of = Lección { $n } de { $total }: { $title }
home-progress = { $done } de { $total } lecciones terminadas
home-waiting = Su trabajo en espera
home-waiting-review = Esperando revisión: { $count }
home-sent-back = Devuelto: { $count }
home-queues = Le esperan
home-queue-hand-ins = Entregas por revisar: { $count }
home-queue-pd = Solicitudes de desarrollo profesional por decidir en { $name }: { $count }
home-unread = Novedades para usted
home-certificates = Certificados recientes
home-learning-link = Mi aprendizaje: sus cursos, entregas y certificados
learning-title = Mi aprendizaje
learning-in-progress = En curso
learning-none-in-progress = No sigue ningún curso ahora.
learning-completed = Terminados
learning-none-completed = Aún no ha terminado ningún curso.
learning-completed-on = terminado el { $date }
learning-certificates = Certificados
learning-none-certificates = Aún no tiene certificados: terminar un curso le da uno.
learning-issued-on = emitido el { $date }
learning-certificate-revoked = revocado
learning-hand-ins = Entregas
learning-none-hand-ins = Aún no ha entregado nada.
learning-handed-in-on = entregado el { $date }
transcript-title = Historial de desarrollo profesional
transcript-intro = Las horas de desarrollo profesional que obtuvo en Lyceum, por año escolar (de julio a junio). Imprima esta página o descárguela para su distrito.
transcript-total = Total
transcript-csv = Descargar como CSV
transcript-none = Aún no tiene horas de desarrollo profesional: complete un curso para obtenerlas.
transcript-year = Año escolar { $year }: { $hours } horas de desarrollo profesional
transcript-year-caption = Horas de desarrollo profesional del año escolar { $year }
transcript-school-year = Año escolar
transcript-date = Fecha
dates-in-zone = Las fechas están en la zona horaria { $zone }.
transcript-activity = Actividad
transcript-source = Origen
transcript-hours = Horas de desarrollo profesional
transcript-printed = Impreso el { $date }.
transcript-check = Cada certificado se puede comprobar en la dirección que figura a su lado ({ $address } seguido de su código).
transcript-certificate = Certificado
pd-source-course = Curso
pd-source-workshop = Taller
pd-source-outside = Actividad externa
certificate-title = Certificado
certificate-valid = Este certificado es válido.
certificate-revoked = Este certificado fue revocado.
certificate-expired = Este certificado venció.
certificate-recipient = Otorgado a
certificate-recipient-deleted = Una cuenta que ya se eliminó (el certificado aún se puede verificar por su código)
certificate-course = Por completar
certificate-issued = Emitido
certificate-issuer = Emitido por
certificate-about = Cualquier persona con la dirección de esta página puede comprobar aquí el certificado.
certificate-about-pdf = Cualquier persona puede comprobar este certificado, y si sigue vigente, en esta dirección o escaneando el código.
certificate-check-at = Compruébelo en
certificate-qr = Código QR de la dirección de este certificado: { $url }
certificate-share = Compartir este certificado
certificate-share-label = Su dirección
certificate-share-hint = Cualquier persona con esta dirección puede comprobar el certificado. Selecciónela para copiarla.
certificate-copy = Copiar el enlace
certificate-copied = Enlace copiado.
certificate-pdf = Descargar en PDF
course-certificate = Ver su certificado
home-transcript-link = Ver su historial de desarrollo profesional
certificate-revoked-reason = Motivo:
certificate-revoke-title = Revocar este certificado
certificate-revoke-reason = Motivo de la revocación
certificate-revoke-hint = Se muestra en esta página a quien compruebe el certificado.
certificate-revoke-button = Revocar el certificado
flash-certificate-revoked = El certificado fue revocado.
error-required--reason = Indique por qué se revoca el certificado.
pd-request-title = Solicitar horas de desarrollo profesional externas
pd-request-intro = Las horas que obtuvo fuera de Lyceum —un congreso, un taller del distrito, un curso universitario— cuentan cuando un administrador de su organización las aprueba.
pd-request-no-org = Primero necesita una función en una organización: sus administradores aprueban las horas externas.
pd-request-activity = Actividad
pd-request-activity-hint = Por ejemplo: Cumbre estatal de IA en la educación, día 1.
pd-request-description = Qué hizo (opcional)
pd-request-description-hint = Una o dos oraciones ayudan a decidir.
pd-request-hours = Horas de desarrollo profesional
pd-request-hours-hint = En cuartos de hora, por ejemplo 1,5 o 3,25.
pd-request-date = Fecha de finalización
pd-request-date-hint = El día en que lo terminó: elíjalo en el calendario o escríbalo en la casilla.
pd-request-link = Enlace a la evidencia
pd-request-link-hint = Un certificado o una página de asistencia en línea. Dé un enlace, un archivo o ambos.
pd-request-file = Archivo de evidencia
pd-request-file-hint = Un PDF, PNG o JPEG de { $mb } MB como máximo.
pd-request-org = Organización a la que solicita
pd-request-org-hint = Deciden sus administradores o los de niveles superiores. Si usted administra esa organización, deciden los administradores por encima de usted.
pd-request-org-choose = Elija una organización
pd-request-button = Enviar la solicitud
pd-requests-title = Solicitudes de horas
pd-requests-intro = Horas externas que los docentes pidieron contar a esta organización y a las que dependen de ella. Aprobar suma las horas a su historial; devolver o rechazar requiere un comentario, que ellos verán. Nadie decide su propia solicitud: la de un administrador va a los administradores por encima de él.
pd-requests-none = No hay solicitudes pendientes.
pd-requests-from = De
pd-requests-sent = Enviada
pd-requests-evidence = Evidencia
pd-requests-download = Descargar el archivo
pd-requests-comment = Comentario
pd-requests-comment-hint = Necesario para devolver o rechazar; lo verá el docente.
pd-requests-approve = Aprobar
pd-requests-return = Devolver con comentario
pd-requests-reject = Rechazar
pd-request-status-pending = En espera de aprobación
pd-request-status-approved = Aprobada
pd-request-status-returned = Devuelta
pd-request-status-rejected = Rechazada
# The admin's daily work (issue 17, item 8): overview, person record, resending invitations, decided PD requests.
org-admin-overview-title = Resumen
org-admin-overview-intro = Lo que le espera aquí y en las organizaciones internas. Cada línea lleva a su página.
org-admin-overview-pd-requests = { $count ->
    [0] No hay solicitudes de horas de DP por decidir
    [one] 1 solicitud de horas de DP por decidir
   *[other] { $count } solicitudes de horas de DP por decidir
}
org-admin-overview-invitations = { $count ->
    [0] No hay invitaciones esperando respuesta
    [one] 1 invitación esperando respuesta
   *[other] { $count } invitaciones esperando respuesta
}
org-admin-overview-roster-last = Último registro importado el { $date }
org-admin-overview-roster-never = Todavía no se ha importado ningún registro: importe uno
org-admin-overview-people = Personas: busque a alguien y abra su ficha
person-record-title = Persona
person-record-memberships = Roles
person-record-memberships-hint = Solo se muestran los roles en { $org } y en las organizaciones que contiene.
person-record-courses = Cursos y avance
person-record-no-courses = Todavía no sigue ningún curso.
person-record-completed = Terminado el { $date }
person-record-transcript = Historial académico
person-record-hours = { $hours } horas de DP en { $count ->
    [one] 1 registro
   *[other] { $count } registros
}.
person-record-no-certificates = Todavía no tiene certificados.
invite-resend = Enviar de nuevo la invitación a { $email }
flash-invitation-resent = La invitación se envió de nuevo con un enlace nuevo. El enlace anterior ya no funciona.
error-invitation-resent-recently = Esta invitación se envió hace menos de 10 minutos. Espere unos minutos antes de enviarla de nuevo.
pd-requests-decided = Solicitudes decididas
pd-requests-decided-none = Todavía no se ha decidido ninguna solicitud aquí.
pd-requests-activity = Actividad
pd-requests-decision = Decisión
pd-requests-decider = Decidida por
pd-requests-decided-on = Fecha
pd-requests-reason = Motivo
pager-previous = Página anterior
import-now = Importar ahora
import-now-hint = Los archivos que revisó se guardan durante una hora: impórtelos sin volver a elegirlos.
import-checked-expired = Esa revisión tiene más de una hora o ya se importó. Elija los archivos y revíselos de nuevo.
import-template = ¿Prepara un registro a mano? Empiece con los archivos de plantilla:
transcript-requests = Solicitudes de horas externas
transcript-ask = Solicitar horas obtenidas en otro lugar
flash-pd-request-sent = Su solicitud fue enviada. Verá la respuesta aquí.
flash-pd-request-decided = Se decidió la solicitud.
error-hours-invalid = Escriba las horas en cuartos de hora, de 0,25 a 100, por ejemplo 1,5.
error-date-future = La fecha no puede estar en el futuro.
error-url-invalid = Escriba una dirección web que empiece con https://.
error-evidence-required = Dé un enlace a la evidencia o un archivo.
error-file-type = El archivo debe ser PDF, PNG o JPEG.
error-file-too-large = El archivo pesa más de 5 MB.
pd-requests-status = Estado
quiz-title = Compruebe lo que entendió
quiz-pass-mark = Para aprobar: { $mark }% de las preguntas correctas.
quiz-attempts-left = Intentos restantes: { $left }.
quiz-score = Obtuvo un { $score }%.
quiz-passed = Con eso aprueba.
quiz-not-passed = Todavía no: lea los comentarios y vuelva a intentarlo.
quiz-pick-all = (elija todas las respuestas correctas)
quiz-right = Correcto.
quiz-wrong = No del todo.
quiz-check = Comprobar mis respuestas
flash-quiz-passed = Aprobó el cuestionario.
flash-quiz-failed = Aún no aprobó. Los comentarios de abajo explican por qué.
error-quiz-unanswered = Responda esta pregunta.
error-quiz-no-such-question = Esta respuesta es para una pregunta que no está en este cuestionario.
error-quiz-no-such-option = Elija una de las respuestas mostradas.
error-quiz-one-answer = Elija solo una respuesta.
activity-quiz = Cuestionario
catalogue-search-label = Buscar un curso
catalogue-search = Buscar cursos
catalogue-search-hint = Palabras del título, del resumen o de las lecciones, por ejemplo «privacidad».
catalogue-filter = Filtrar
catalogue-competency = Competencia
catalogue-sort-label = Orden
catalogue-sort-relevance = Más relevantes
catalogue-sort-newest = Más recientes
catalogue-sort-completed = Más completados
catalogue-hours-up-to-1 = Hasta 1 hora
catalogue-hours-1-to-3 = De 1 a 3 horas
catalogue-hours-3-to-10 = De 3 a 10 horas
catalogue-hours-over-10 = Más de 10 horas
catalogue-no-match = Ningún curso coincide. Pruebe con menos palabras o menos filtros.
catalogue-found = { $count ->
    [one] 1 curso
   *[other] { $count } cursos
}

## Reflections and practice tasks
activity-reflection = Reflexión
activity-task = Tarea práctica
activity-enrol-first = Inscríbase en el curso para hacer esto.
reflection-title = Reflexione
reflection-hint = Solo usted y quienes facilitan en sus organizaciones pueden leer esto.
reflection-save = Guardar mi reflexión
reflection-update = Actualizar mi reflexión
reflection-saved = Guardada. Puede cambiarla cuando quiera.
error-required--reflection = Escriba su reflexión antes de guardarla.
task-title = Tarea práctica
task-rubric = Lo que revisa quien facilita
task-one-artefact = Entregue una sola cosa: su texto, un enlace o un archivo. Quien facilita la revisa y la acepta o la devuelve con comentarios.
task-text = Su texto
task-link = Un enlace a su trabajo
task-link-hint = Por ejemplo, un documento compartido que quien facilita pueda abrir. Empieza con https://
task-file = O un archivo
task-hand-in = Entregar para revisión
task-handed-in-on = entregada el { $date }
task-comment = Comentario de quien facilita
task-met = Criterios cumplidos
task-download = Descargar { $name }
task-earlier-file = La última vez envió «{ $name }»; queda con esa entrega. Elija el archivo corregido para entregarlo de nuevo.
artefact-text = Texto
artefact-link = Enlace
artefact-file = Archivo
submission-status-submitted = En espera de revisión
submission-status-accepted = Aceptada
submission-status-returned = Devuelta
error-artefact-required = Entregue su texto, un enlace o un archivo.
error-artefact-kind = Esta tarea no admite este tipo de trabajo. Use uno de los campos que se muestran.
error-artefact-one = Entregue una sola cosa: su texto, un enlace o un archivo.
error-task-already-submitted = Ya entregó esta tarea. Espere la revisión antes de volver a entregar.
error-rubric-unmet = Para aceptar, marque todos los criterios. Si falta alguno, devuelva el trabajo con un comentario.
error-required--comment = Diga qué debe cambiar.
flash-reflection-saved = Se guardó su reflexión.
flash-task-submitted = Entregada. Verá la revisión en esta página.
flash-task-reviewed = Revisión guardada. Quien aprende la ve en la página de la lección.
review-title = Tareas prácticas por revisar
review-intro = Trabajos entregados por quienes aprenden en las organizaciones donde usted facilita o administra, de los más antiguos a los más recientes.
review-none = No hay nada en espera de revisión.
review-not-facilitator = Podrá revisar tareas prácticas cuando facilite o administre una organización.
review-rubric = Criterios cumplidos
review-comment = Comentario para quien aprende
review-comment-hint = Necesario para devolver un trabajo: diga qué cambiar.
review-accept = Aceptar
review-return = Devolver con comentarios
home-review-link = Revisar tareas prácticas

## AI literacy picture
home-literacy-link = Vea dónde está en alfabetización en IA
literacy-title = Mi alfabetización en IA
literacy-lead = Dónde está en cada aspecto del marco de competencias en IA para docentes: cómo se ve usted, junto a lo que muestran los cursos que completó.
literacy-standing = Dónde está
literacy-chart-title = Su nivel en cada aspecto: su propia opinión y lo que muestran sus cursos completados
literacy-chart-row = usted dice { $assessed }; sus cursos muestran { $shown }
literacy-you = Usted
literacy-courses = Cursos
literacy-legend-you = Su propia opinión
literacy-legend-courses = Lo que muestran los cursos completados
literacy-table-caption = Su nivel en cada aspecto
literacy-aspect = Aspecto
literacy-not-yet = Todavía no
literacy-not-yet-hint = Aún no ha empezado con esto, o todavía no está seguro.
literacy-next = Qué sigue
literacy-next-intro = Cursos que llevan sus aspectos más débiles al siguiente nivel, para sus materias y grados.
literacy-next-intro-no-profile = Cursos que llevan sus aspectos más débiles al siguiente nivel. Añada sus materias y grados a su perfil para ver los que mejor le sirven.
literacy-next-none = Todavía no hay cursos que lleven sus aspectos más débiles al siguiente nivel. Explore el catálogo para ver más.
literacy-builds = Lleva { $aspect } al nivel { $level }
literacy-assess = Evalúese
literacy-assess-intro = Para cada aspecto, elija el nivel que más se parece a usted hoy. Solo usted lo ve; nos ayuda a sugerirle cursos.
literacy-save = Guardar mi autoevaluación
flash-self-assessment-saved = Se guardó su autoevaluación.

## Certificates that expire
email-certificate-expiring-subject = Su certificado de Lyceum vence pronto
email-certificate-expiring-body = Su certificado de «{ $course }» vence el { $date }.
email-certificate-expiring-after = Después de ese día, su página pública indicará que ha vencido. Si su distrito o estado necesita que esté vigente, pregunte a quien facilita cómo renovarlo.
email-certificate-expiring-action = Ver el certificado
certificate-expires = Válido hasta
course-newer-version = Hay una versión más reciente de este curso. Puede terminar la versión que empezó o pasarse a la nueva: las lecciones que terminó y que siguen en ella cuentan como terminadas.
course-move = Pasarme a la nueva versión
flash-moved-to-new-version = Ahora sigue la nueva versión de este curso.
course-also-in = También en { $language }
course-switch = Seguir en { $language }
course-switch-hint = Las lecciones que terminó cuentan en los dos idiomas; las horas de formación y el certificado se obtienen una sola vez.
lesson-switch = Seguir esta lección en { $language }
lesson-other-language = Leer esta lección en { $language }
flash-switched-language = Ahora sigue este curso en este idioma. Se conservan las lecciones que terminó.

## Authoring
home-authoring-link = Escribir y revisar cursos
authoring-title = Autoría
authoring-lead = Escriba un curso en páginas o como archivo de curso, revíselo aquí y envíelo a revisión. Un curso pertenece a una organización: lo escriben y publican sus autores y los autores por encima de ella; un curso de todo el programa requiere un autor o una administración del nivel del programa. Otra persona autora lo publica como la siguiente versión del curso; quienes empezaron una versión anterior la terminan, salvo que elijan pasarse.
authoring-to-review = Borradores que esperan su revisión
authoring-none-to-review = No hay borradores esperando revisión.
authoring-by = de { $name }
authoring-belongs-to = Pertenece a { $org }
authoring-owner = Pertenece a
authoring-mine = Mis borradores
authoring-none = Aún no tiene borradores.
authoring-course = Curso
authoring-status = Estado
authoring-untitled = Borrador sin título
authoring-new = Empezar un borrador
authoring-new-intro = Suba un archivo de curso, o parta de un curso publicado para escribir su siguiente versión.
authoring-file = Un archivo de curso
authoring-file-hint = JSON en formato lyceum-course/1, de { $mb } MB como máximo.
authoring-from = O parta de un curso publicado
authoring-from-hint = Su versión actual se convierte en su borrador.
authoring-from-none = (ninguno)
authoring-org = Organización a la que pertenece el nuevo curso
authoring-org-hint = Sus autores, y los autores por encima de ella, revisan y publican el curso. Una nueva versión de un curso publicado se queda con la organización de ese curso.
authoring-org-choose = Elija una organización
authoring-create = Empezar el borrador
authoring-format = El formato del archivo de curso se describe en docs/course-format.md, que viene con Lyceum.
draft-status-draft = Borrador
draft-status-in-review = En espera de revisión
draft-status-returned = Devuelto con un comentario
draft-status-published = Publicado
draft-title = Borrador
draft-published-as = publicado como versión { $version }
draft-see-course = Ver el curso
draft-review-comment = Comentario de quien revisó:
draft-problems = { $count ->
    [one] 1 problema que corregir antes de enviarlo a revisión
   *[other] { $count } problemas que corregir antes de enviarlo a revisión
}
draft-document = El archivo de curso
draft-document-hint = JSON (lyceum-course/1). Los problemas aparecen arriba con su lugar en el archivo; la vista previa muestra el curso cuando no queda ninguno.
draft-save = Guardar el borrador
draft-submit = Enviar a revisión
draft-review = Revisión
draft-comment = Comentario para quien escribió
draft-comment-hint = Necesario para devolver el borrador: diga qué cambiar.
draft-publish = Publicar como siguiente versión
draft-return = Devolver a quien lo escribió
draft-preview = Vista previa
error-file-not-utf8 = El archivo debe ser texto UTF-8.
error-draft-one-source = Suba un archivo o elija un curso, no ambas cosas.
error-draft-source-required = Suba un archivo de curso o elija un curso publicado.
error-course-not-yours = Este curso pertenece a { $org }. Solo lo escriben y publican autores de esa organización o de una superior.
error-draft-has-problems = El archivo de curso tiene problemas. Corrija primero los que aparecen abajo.
flash-draft-created = Borrador empezado.
flash-draft-saved = Borrador guardado.
flash-draft-submitted = Enviado a revisión.
flash-draft-published = Publicado. Quienes se inscriban ahora reciben esta versión.
flash-draft-returned = Devuelto a quien lo escribió, con su comentario.

## Course editor (writing a course on pages)
editor-new = Escribir un curso nuevo en páginas
editor-new-intro = Empiece por el título del curso: en las páginas siguientes agrega módulos, lecciones, cuestionarios, reflexiones y tareas prácticas, y luego lo envía a revisión.
editor-start = Empezar a escribir
editor-open = Escribir en páginas
editor-title = Escribir el curso
editor-lead = Los cambios se guardan en su borrador a medida que los hace. Envíelo a revisión desde la página del borrador, que indica lo que aún falta.
editor-to-draft = Ir al borrador: revisarlo y enviarlo a revisión
editor-unreadable = El archivo de curso de este borrador no se puede editar en páginas. Corríjalo primero en el archivo de curso, en la página del borrador. Lo que dijo el lector:
editor-details = Datos del curso
editor-course-title = Título del curso
editor-course-slug = Nombre en la dirección web
editor-course-slug-hint = Letras minúsculas, cifras y guiones, por ejemplo ia-para-comentarios. Si un curso ya tiene este nombre, este borrador será su siguiente versión.
editor-course-language = Idioma en que está escrito el curso
editor-course-summary = Resumen
editor-course-summary-hint = Una o dos oraciones para el catálogo.
editor-course-hours = Horas de desarrollo profesional
editor-course-hours-hint = En cuartos de hora, por ejemplo 1,5.
editor-course-delivery = Cómo se cursa
editor-course-licence = Licencia
editor-course-licence-hint = Por ejemplo CC BY 4.0.
editor-save-details = Guardar los datos del curso
editor-modules = Módulos y lecciones
editor-no-modules = El curso aún no tiene módulos. Agregue el primero abajo.
editor-no-lessons = Este módulo aún no tiene lecciones.
editor-module-n = Módulo { $n }
editor-module-title = Título del módulo
editor-module-actions = Cambiar el nombre, mover o quitar este módulo
editor-rename-module = Cambiar el nombre del módulo
editor-new-module-title = Título de un módulo nuevo
editor-new-module-hint = Un módulo agrupa lecciones, por ejemplo "Cómo funciona".
editor-add-module = Agregar un módulo
editor-new-lesson-title = Título de una lección nueva
editor-add-lesson = Agregar una lección
editor-move-up = Subir
editor-move-down = Bajar
editor-remove = Quitar
editor-remove-lesson = Quitar la lección
editor-remove-lesson-warning = Con ella se van su texto, cuestionario, reflexión y tarea.
editor-remove-module = Quitar el módulo
editor-remove-module-warning = Con él se van sus lecciones.
editor-lesson-title = Escribir la lección
editor-lesson-lead = Escriba el texto en Markdown y luego agregue lo que hace quien aprende: un cuestionario, una reflexión o una tarea práctica. Una lección sin ninguno se termina leyéndola.
editor-lesson-name = Título de la lección
editor-markdown = Texto de la lección
editor-markdown-hint = Markdown: ## para un título, **negrita**, - para un elemento de lista, [palabras](https://…) para un enlace.
editor-preview = Ver el texto
editor-preview-heading = Vista previa del texto de la lección
editor-reflection = Pregunta de reflexión
editor-reflection-hint = Déjela vacía si no hay reflexión. Solo quien aprende y sus facilitadores leen las respuestas.
editor-no-quiz = Esta lección no tiene cuestionario.
editor-pass-mark = Nota para aprobar
editor-pass-mark-hint = El porcentaje de preguntas bien respondidas con que se aprueba, de 1 a 100.
editor-max-attempts = Máximo de intentos
editor-max-attempts-hint = De 1 a 20; déjelo vacío para no poner límite.
editor-question-n = Pregunta { $n }
editor-question-prompt = Pregunta
editor-question-kind = Tipo de pregunta
editor-kind-single = Una respuesta correcta
editor-kind-multiple = Una o más respuestas correctas (quien aprende debe elegirlas todas)
editor-option-n = Respuesta { $n }
editor-option-correct = La respuesta { $n } es correcta
editor-option-feedback = Comentario para la respuesta { $n } (opcional)
editor-add-option = Agregar una respuesta
editor-remove-question = Quitar la pregunta
editor-add-question = Agregar una pregunta
editor-no-task = Esta lección no tiene tarea práctica.
editor-add-task = Agregar una tarea práctica
editor-remove-task = Quitar la tarea práctica
editor-task-instructions = Qué hacer
editor-task-instructions-hint = Markdown. Los facilitadores revisan lo que entrega quien aprende según los criterios de abajo.
editor-task-artefacts = Qué entrega quien aprende
editor-rubric = Criterios
editor-rubric-hint = Un facilitador marca cada criterio que el trabajo cumple; para aceptarlo deben cumplirse todos.
editor-criterion-n = Criterio { $n }
editor-add-criterion = Agregar un criterio
editor-save-lesson = Guardar la lección
flash-lesson-saved = Lección guardada.
error-required--new-title = Escriba el título del curso.
error-choose-one--new-org = Elija la organización a la que pertenece el curso.
error-required--course-title = Escriba el título del curso.
error-course-slug = Escriba un nombre para la dirección web con letras minúsculas, cifras y guiones, por ejemplo ia-para-comentarios.
error-course-hours = Escriba las horas de desarrollo profesional en cuartos de hora, de 0,25 a 200, por ejemplo 1,5.
error-required--course-summary = Escriba un resumen para el catálogo.
error-required--course-licence = Escriba la licencia, por ejemplo CC BY 4.0.
error-choose-one--course-language = Elija el idioma en que está escrito el curso.
error-choose-one--course-delivery = Elija cómo se cursa el curso.
error-required--module-title = Escriba el título del módulo.
error-required--lesson-title = Escriba el título de la lección.
error-required--markdown = Escriba el texto de la lección.
error-required--task-instructions = Escriba qué debe hacer quien aprende.
error-choose-one--task-artefacts = Elija qué entrega quien aprende.
error-number-range--pass-mark = Escriba la nota para aprobar como un número entero de 1 a 100.
error-number-range--max-attempts = Escriba el máximo de intentos como un número entero de 1 a 20, o déjelo vacío.
error-question-prompt = Escriba el texto de la pregunta { $n }.
error-option-text = Escriba la respuesta { $option } de la pregunta { $n }, o quítela.
error-question-one-right = Marque exactamente una respuesta correcta en la pregunta { $n }, o permita más de una.
error-question-some-right = Marque al menos una respuesta correcta en la pregunta { $n }.
error-criterion-text = Escriba el criterio { $n }, o quítelo.
error-rubric-empty = Agregue al menos un criterio con el que se revisa el trabajo.
error-editor-full = El curso no admite más de estos.
error-draft-changed = Este borrador se guardó desde otra página después de que usted abrió esta. Su cambio no se guardó: revise el borrador abajo y vuelva a hacerlo.
review-reflections = Las reflexiones de quien aprende en este curso
review-earlier = Entrega anterior

## Community
home-spaces-link = Converse con otros docentes en los espacios de la comunidad
spaces-title = Espacios de la comunidad
spaces-lead = Pregunte, comparta lo que funciona y debata con otros docentes: por materia, grado, región, sindicato local y cohorte.
spaces-mine = Mis espacios
spaces-mine-none = Aún no sigue ningún espacio. Siga uno abajo para tenerlo arriba.
spaces-others = Otros espacios a los que puede unirse
spaces-none = Todavía no hay otros espacios para usted.
spaces-topics = { $count ->
    [one] 1 tema
   *[other] { $count } temas
}
spaces-follow = Seguir { $space }
spaces-unfollow = Dejar de seguir { $space }
space-visibility-label = Quién puede leerlo
space-visibility-open = Todas las personas con sesión iniciada (publican sus miembros)
space-visibility-members = Solo miembros
space-title-label = Nombre
space-description-label = Para qué es
space-description-hint = Una o dos oraciones, visibles en la lista de espacios.
space-topics = Temas
space-no-topics = Aún no hay temas. Empiece el primero.
list-more = Anteriores
topic-replies = { $count ->
    [one] 1 respuesta
   *[other] { $count } respuestas
}
topic-kind-label = Tipo de tema
topic-kind-discussion = Una conversación
topic-kind-question = Una pregunta
topic-locked = Cerrado
topic-locked-note = Este tema está cerrado: no admite más respuestas.
topic-new = Empezar un tema
topic-title-label = Título
topic-start = Empezar el tema
topic-reply = Responder
topic-reply-button = Publicar la respuesta
topic-lock = Cerrar este tema
topic-unlock = Reabrir este tema
post-body = Su publicación
post-body-hint = Puede usar Markdown: **negrita**, *cursiva*, listas y enlaces. El HTML se elimina.
# Mentions, the preview and formatting help (forms for writing a post).
post-preview = Vista previa
post-preview-heading = Vista previa
post-preview-hint = Así se verá su publicación. No se publica nada hasta que pulse el otro botón.
mention-suggestions = Personas que puede mencionar
mention-count = { $count ->
    [0] No se encontró a nadie con ese nombre
    [one] 1 persona encontrada: use las flechas para elegir e Intro para insertar
   *[other] { $count } personas encontradas: use las flechas para elegir e Intro para insertar
}
format-help = Ayuda de formato
format-you-write = Usted escribe
format-you-get = Se ve
format-bold-example = **palabras en negrita**
format-bold = Palabras en negrita
format-italic-example = *palabras en cursiva*
format-italic = Palabras en cursiva
format-link-example = [las palabras](https://example.org)
format-link = Un enlace en las palabras
format-list-example = - un elemento
format-list = Una lista (un elemento por línea; 1. para numerar)
format-quote-example = > palabras citadas
format-quote = Una cita
format-code-example = `código`
format-code = Código, tal como se escribe
format-mention-example = @Sam o @Sam Rivera
format-mention = Una mención: se avisa a alguien que puede ver este espacio, y su nombre enlaza a sus publicaciones
error-mention-unknown = Nadie llamado @{ $name } puede ver este espacio. Revise el nombre, o quite la @.
error-mention-ambiguous = Varias personas llamadas @{ $name } pueden ver este espacio: { $choices }. Escriba más del nombre, o copie el de la persona que busca.
error-mentions-too-many = Una publicación puede mencionar como máximo a { $max } personas.
post-edited = editada
post-deleted = Eliminada por su autor.
post-edit = Editar
post-delete = Eliminar
post-delete-title = ¿Eliminar su publicación?
post-delete-intro = Su texto se borra para siempre: en su lugar, el tema dirá «Eliminada por su autor.»
post-delete-confirm = Sí, eliminarla
post-delete-keep = No, conservarla
post-edit-title = Editar su publicación
post-edit-hint = El texto anterior se conserva para la moderación.
post-save = Guardar la publicación
post-back-to-topic = Volver al tema
error-topic-locked = Este tema está cerrado: no admite más respuestas.
org-admin-spaces-title = Espacios de la comunidad
org-admin-spaces-intro = Espacios para todas las personas de esta organización y las que dependen de ella. Publican sus miembros; usted elige quién puede leer.
org-admin-spaces-none = Esta organización aún no tiene espacios.
org-admin-spaces-new = Crear un espacio
org-admin-spaces-create = Crear el espacio
flash-space-created = Espacio creado.
flash-space-followed = Ahora sigue el espacio.
flash-space-unfollowed = Ya no sigue el espacio.
space-following-title = Seguimiento
space-following-told = Sigue este espacio: sus temas nuevos llegan a sus notificaciones y a su resumen por correo.
space-following-muted = Sigue este espacio, silenciado: sus temas nuevos no llegan a sus notificaciones ni a su resumen.
space-not-following = Siga este espacio para enterarse de sus temas nuevos en sus notificaciones y en su resumen por correo.
space-mute = Silenciar los temas nuevos
space-unmute = Volver a recibir los temas nuevos
flash-space-muted = Silenciado. Los temas nuevos de aquí ya no llegan a sus notificaciones.
flash-space-unmuted = Los temas nuevos de aquí vuelven a llegar a sus notificaciones.
flash-topic-started = Tema iniciado.
flash-reply-posted = Respuesta publicada.
flash-topic-moderated = Hecho, y registrado.
space-pinned = Fijados
topic-moderate = Moderar este tema
topic-moderate-why = Motivo (se le comunica a quien lo escribió)
topic-moderate-why-hint = Necesario para cerrar o mover el tema; opcional en los demás casos.
topic-pin = Fijar arriba en el espacio
topic-unpin = Dejar de fijar
topic-move-to = Moverlo a
topic-move = Mover el tema
flash-post-edited = Publicación guardada.
flash-post-deleted = Publicación eliminada.
topic-more = Respuestas posteriores
post-accepted = Respuesta aceptada
post-accept = Aceptar la respuesta de { $name }
notifications-title = Notificaciones
notifications-none = Nada nuevo. Aquí le avisamos cuando alguien responde a sus temas, le menciona o acepta su respuesta, cuando la moderación actúa sobre sus publicaciones o temas, cuando se deciden sus tareas y solicitudes de formación externa, y cuando hay trabajo que espera por usted.
notifications-mark-read = Marcar todas como leídas
notifications-new = Nueva
notification-reply = { $name } respondió en «{ $topic }»
notification-mention = { $name } le mencionó en «{ $topic }»
notification-accepted = { $name } aceptó su respuesta en «{ $topic }»
flash-answer-accepted = Respuesta aceptada. Se avisó a su autor.
flash-notifications-read = Todas las notificaciones se marcaron como leídas.
home-notifications-link = Notificaciones
home-notifications-unread = { $count ->
    [one] Notificaciones (1 nueva)
   *[other] Notificaciones ({ $count } nuevas)
}
post-hidden = Oculta por la moderación.
post-flag = Reportar esta publicación a la moderación
flag-title = Reportar una publicación
flag-intro = Diga a la moderación qué está mal en esta publicación. La moderación decide; a quien la escribió no se le dice quién la reportó.
flag-why = Qué está mal
flag-send = Enviar el reporte
flag-post-by = La publicación, de { $name }
flag-post-not-shown = Esta publicación está oculta o eliminada, así que su texto no se muestra aquí.
flag-category = ¿Qué tipo de problema es?
flag-category-spam = Spam o publicidad
flag-category-harassment = Acoso o un ataque personal
flag-category-student-privacy = Información privada de un estudiante
flag-category-off-topic = Fuera del tema de este espacio
flag-category-other = Otra cosa
flag-why-hint = Necesario si eligió «Otra cosa»; útil en los demás casos.
error-choose-one--category = Elija qué tipo de problema es.
error-required--why = Diga por qué.
error-suspended = No puede publicar en los espacios de { $org } hasta el { $until }.
error-days-invalid = Escriba un número de días de 1 a { $max }.
notifications-why = Motivo:
notification-hidden = { $name } (moderación) ocultó su publicación en «{ $topic }»
notification-restored = { $name } (moderación) volvió a mostrar su publicación en «{ $topic }»
notification-locked = { $name } (moderación) cerró su tema «{ $topic }»: ya no admite respuestas
notification-unlocked = { $name } (moderación) reabrió su tema «{ $topic }»
notification-pinned = { $name } (moderación) fijó su tema «{ $topic }» arriba en el espacio
notification-unpinned = { $name } (moderación) dejó de fijar su tema «{ $topic }»
notification-moved = { $name } (moderación) movió su tema «{ $topic }» a otro espacio
notification-new-topic = { $name } abrió el tema «{ $topic }» en un espacio que usted sigue
notification-task-returned = { $name } le devolvió su tarea en «{ $topic }»: vea los comentarios
notification-task-accepted = { $name } aceptó su tarea en «{ $topic }»
notification-course-completed = Completó «{ $topic }» cuando { $name } aceptó su tarea
notification-pd-approved = { $name } aprobó su solicitud de formación externa «{ $topic }»
notification-pd-returned = { $name } le devolvió su solicitud de formación externa «{ $topic }»: vea los comentarios
notification-pd-rejected = { $name } rechazó su solicitud de formación externa «{ $topic }»
notification-hand-in-waiting = { $name } entregó una tarea para revisar en «{ $topic }»
notification-pd-request-waiting = { $name } pidió créditos por formación externa: «{ $topic }»
notification-roster-imported = Terminó su importación de la lista de { $topic }
notifications-certificate = Su certificado
notifications-open = Abrir
moderation-title = Moderación
moderation-intro = Publicaciones reportadas en los espacios que usted modera, de las más antiguas a las más recientes. Cada decisión queda registrada con su nombre y motivo.
moderation-none = No hay reportes pendientes.
moderation-not-moderator = Podrá moderar cuando sea moderador o administre una organización.
moderation-flag-heading = Una publicación de { $name } en «{ $topic }»
moderation-see-in-topic = Verla en el tema
moderation-flagged-by = Reportada por { $name }:
moderation-why = Motivo, que se comunica a quien la escribió
moderation-why-hint = Necesario para ocultar la publicación.
moderation-hide = Ocultar la publicación
moderation-dismiss = No hay nada mal: descartar el reporte
moderation-restore = Volver a mostrar la publicación
moderation-suspend = Suspender las publicaciones de { $name } en los espacios de { $org }
moderation-suspend-where = Abarca los espacios de { $org } y de todas las organizaciones que contiene. Una suspensión puesta por una organización más amplia sigue igual.
moderation-cannot-suspend = No puede suspender a { $name }: tiene un rol igual o superior al suyo aquí.
moderation-days = Durante cuántos días
moderation-suspend-why = Motivo (queda registrado)
moderation-suspend-button = Suspender
moderation-suspended-title = Suspensión registrada
moderation-suspended-body = { $name } no puede publicar en los espacios de { $org } hasta el { $until }.
moderation-back = Volver a los reportes
home-moderation-link = Moderar los espacios de la comunidad
flash-post-flagged = Gracias. La moderación lo revisará.
flash-moderation-done = Decisión registrada.
flash-author-suspended = Quien la escribió no podrá publicar hasta que termine la suspensión.
catalogue-pages = Páginas de cursos
catalogue-page-of = Página { $at } de { $of }
catalogue-previous = Página anterior
catalogue-next = Página siguiente
# The catalogue for its reader (issue 17, item 3): their language first, the other one link away, best match for them.
lang-any = Todos los idiomas
catalogue-sort-for-you = Lo más adecuado para usted
catalogue-showing-language = Se muestran cursos en { $language }.
catalogue-show-too = Mostrar también cursos en { $language }
catalogue-showing-every-language = Se muestran cursos en todos los idiomas.
catalogue-show-only = Mostrar solo cursos en { $language }
spaces-search-title = Buscar en la comunidad
spaces-search-label = Palabras que buscar
spaces-search-within = Solo en «{ $space }».
spaces-search-everywhere = Buscar en todos los espacios que puede leer
spaces-search-by = Solo publicaciones de { $name }.
spaces-search-by-someone = Solo publicaciones de una persona.
spaces-search-by-anyone = Publicaciones de cualquier persona
spaces-search-this-space = Buscar en este espacio
post-by-author = Publicaciones de { $name }
spaces-search-none = Ninguna publicación coincide.
spaces-search-newest = Primero las publicaciones más recientes.
spaces-search-older = Publicaciones anteriores
reactions-label = Reacciones
reaction-helpful = Útil
reaction-thanks = Gracias
reaction-insightful = Interesante
error-posting-too-fast = Ha publicado mucho en la última hora. Las cuentas nuevas pueden publicar { $max } veces por hora; vuelva a intentarlo un poco más tarde.
error-too-many-links = Las cuentas nuevas pueden poner como máximo { $max } enlaces en una publicación. Quite algunos, o inténtelo de nuevo en unos días.
error-too-many-edits = Esta publicación se editó { $max } veces, el máximo permitido. Escriba una respuesta en su lugar.
digest-label = Enviarme por correo mis notificaciones sin leer
digest-hint = Un correo breve, solo cuando haya algo nuevo.
digest-off = Nunca
digest-daily = Una vez al día
digest-weekly = Una vez a la semana
digest-save = Guardar
decision-email-label = Enviarme por correo las decisiones sobre mi trabajo y lo que espera por mí
decision-email-hint = Una tarea devuelta o aceptada, una solicitud de formación externa decidida, una entrega o solicitud que espera por usted, una importación de lista terminada.
decision-email-at-once = En el momento
decision-email-digest = En mi resumen
decision-email-never = Nunca
flash-digest-saved = Se guardó su elección de correos.
unsubscribe-title = Resúmenes por correo
unsubscribe-done = No recibirá más correos de resumen. Las notificaciones siguen en Lyceum.
unsubscribe-unknown = No conocemos este enlace. Inicie sesión para elegir sus correos.
unsubscribe-settings = Elegir sus correos
email-digest-subject = Novedades en Lyceum: avisos para usted
email-digest-body = { $count ->
    [one] Tiene 1 notificación sin leer, sobre:
   *[other] Tiene { $count } notificaciones sin leer, sobre:
}
email-digest-new-topic = • { $topic } — un tema nuevo en { $space }
email-digest-action = Leerlas en Lyceum
email-digest-unsubscribe = Para dejar de recibir estos correos, abra { $link }
email-notice-action = Abrirlo en Lyceum
email-notice-certificate = Su certificado: { $link }
email-notice-settings = Recibe estos correos en el momento. Para recibirlos en su resumen, o no recibirlos, elíjalo en su página de notificaciones.
post-quote = Citar a { $name } en su respuesta
topic-subject = Materia
topic-grade-band = Grados
topic-competency = Competencia (marco de competencias en IA)
topic-tags-hint = Las etiquetas ayudan a colegas de otros espacios a encontrar su tema.
topic-tags = Etiquetas
spaces-search-since = Publicado desde

## Avisos de la importación de listas: roster-notice-<code>
import-notices-title = Leído de todos modos
import-notices-intro = El paquete se aparta aquí de la especificación OneRoster. Lyceum lo leyó de todos modos; avise a quien exporta sus listas si algo no parece correcto.
import-notice = Aviso
roster-notice-no-manifest = El paquete no tiene manifest.csv: los archivos presentes se leyeron como completos (bulk, toda la lista).
roster-notice-active-in-bulk = Filas de este archivo completo con el estado «active»: { $count } (la primera en la línea { $first_line }). Un archivo completo solo lista lo que está activo, así que se leyó como vacío.
roster-notice-date-in-bulk = Filas de este archivo completo con dateLastModified: { $count } (la primera en la línea { $first_line }). Se ignoró.
roster-notice-column-order = La columna { $column } va después de la columna { $after }, a diferencia de la especificación. Se leyó por su nombre.
roster-notice-org-before-parent = Organizaciones listadas antes que su organización superior: { $count } (la primera en la línea { $first_line }). Se colocaron debajo de ella de todos modos.
roster-notice-roles-from-users = Los roles se leyeron de las columnas role y orgSourcedIds de users.csv, al estilo de OneRoster 1.1.
roster-notice-users-not-imported = Usuarios omitidos: { $count }. Lyceum solo incorpora personal, no estudiantes, padres, tutores, familiares ni supervisores de exámenes.
roster-notice-same-email-merged = «{ $value }» es también el correo de la línea { $first_line }: ambas filas son una misma persona, con los roles de las dos.

## Workshops

session-mode-in_person = Presencial
session-mode-virtual = En línea
session-mode-both = Presencial y en línea
registration-status-pending = Esperando aprobación
registration-status-confirmed = Confirmada
registration-status-waitlisted = En lista de espera
registration-status-cancelled = Cancelada
registration-status-declined = No aprobada
attendance-mark-present = Presente
attendance-mark-late = Llegó tarde
attendance-mark-left_early = Se fue antes
attendance-mark-absent = Ausente
attendance-mark-excused = Justificada
error-sessions-required = Agregue al menos una sesión.
error-too-many = Demasiados: como máximo { $max }.
error-time-invalid = Escriba una hora como 09:30 o 15:45.
error-workshop-hours-invalid = Escriba horas en cuartos de hora, de 0 a 200, por ejemplo 1.5.
error-capacity-invalid = Escriba un número de plazas de 1 a 100.000.
error-percent-invalid = Escriba un número entero de 0 a 100.
error-reminder-invalid = Escriba minutos de 0 (sin recordatorio) a 10.080 (una semana).
error-closes-before-opens = La inscripción debe cerrar el mismo día en que abre o después.
error-closes-after-last-session = La inscripción debe cerrar, como tarde, el día después de la última sesión.
error-venue-required = Escriba el lugar o la dirección de una sesión presencial.
error-meeting-url-required = Escriba el enlace de la reunión de una sesión en línea.
error-meeting-url-invalid = Escriba un enlace de reunión que empiece por https://.
error-ends-before-start = La sesión debe terminar después de empezar.
error-session-too-long = Una sesión dura como máximo { $hours } horas. Divida un día más largo en sesiones.
workshop-news-seat_confirmed = Plaza confirmada
workshop-news-reminder = Recordatorio
workshop-news-changed = Cambio
workshop-news-cancelled = Cancelación
email-workshop-seat_confirmed-subject = Su plaza en un taller de Lyceum está confirmada
email-workshop-seat_confirmed-body = Tiene una plaza en «{ $offering }». La primera sesión empieza el { $when }.
email-workshop-reminder-subject = Su taller de Lyceum empieza pronto
email-workshop-reminder-body = «{ $offering }» empieza el { $when }.
email-workshop-changed-subject = Un taller de Lyceum en el que se inscribió ha cambiado
email-workshop-changed-body = Las sesiones de «{ $offering }» han cambiado. La próxima empieza el { $when }.
email-workshop-cancelled-subject = Un taller de Lyceum en el que se inscribió fue cancelado
email-workshop-cancelled-body = «{ $offering }» fue cancelado. Iba a empezar el { $when }.
email-workshop-note = La organización escribió: { $note }
email-workshop-action = Ver el taller

## Workshops — finding offerings, an offering's page, registering, one's sessions
# (this section's messages go below this line)
offering-session-calendar = Agregar al calendario (.ics)
offering-session-attendance = Tomar asistencia
offering-session-survey = Responder la encuesta
offering-more-title = Más sobre este taller
offering-calendar-all = Todas las sesiones en su calendario (.ics)
offering-calendar-feed = Su calendario suscrito
offering-check-in-link = Registrar su asistencia con el código de la sala
offering-space-link = El espacio de conversación del taller
offering-roster-link = Lista de participantes y asistencia
offering-survey-results-link = Resultados de la encuesta
offering-manage-link = Editar, copiar o cancelar
offering-registrations-link = Inscripciones y aprobaciones
nav-workshops = Talleres
offerings-title = Talleres y cohortes
offerings-intro = Talleres y cursos en cohorte a los que puede unirse, los más próximos primero.
offerings-mine-link = Mis sesiones
offerings-find-link = Buscar talleres
offerings-back = Todos los talleres
offerings-filter-label = Buscar talleres
offerings-filter = Filtrar
offerings-near = Cerca de mí
offerings-anywhere = En cualquier lugar
offerings-near-district = En mi distrito
offerings-near-state = En mi estado
offerings-state = Estado
offerings-state-hint = Elegir un estado reemplaza «Cerca de mí».
offerings-any-state = Cualquier estado
offerings-course = Curso
offerings-any-course = Cualquier curso
offerings-from = Que empiecen desde
offerings-to = Que empiecen hasta
offerings-date-hint = Por ejemplo, 2027-01-31.
offerings-virtual = Solo en línea
offerings-search = Mostrar talleres
offerings-none = Todavía no hay talleres abiertos para usted.
offerings-no-match = Ningún taller coincide con estos filtros.
offerings-more = Más talleres
offerings-cohort-of = Una cohorte del curso «{ $course }»
offerings-yours = Usted: { $status }
offering-seats-left = { $count ->
    [one] Queda 1 lugar
   *[other] Quedan { $count } lugares
}
offering-full-waitlist = { $count ->
    [0] Completo. La lista de espera está vacía.
    [one] Completo. Hay 1 persona en la lista de espera.
   *[other] Completo. Hay { $count } personas en la lista de espera.
}
offering-when-until = { $start }, hasta el { $end }
offering-own-zone = Donde se realiza: { $time } ({ $zone })
offering-title = Taller
offering-organiser = Organizado por
offering-course = Curso
offering-facilitators = Facilitadores
offering-pd-hours = Horas de desarrollo profesional
offering-seats = Lugares
offering-capacity = { $capacity } en total. { $seats }
offering-registration = Inscripción
offering-window = Abre { $opens }, cierra { $closes }
offering-credit = Crédito
offering-credit-rule = Asista al menos al { $percent } % de las sesiones para obtener las horas.
offering-credit-rule-course = Asista al menos al { $percent } % de las sesiones y complete el curso para obtener las horas.
offering-competencies = Competencias
offering-your-registration = Su inscripción
offering-register = Inscribirme
offering-cancel-registration = Cancelar mi inscripción
offering-register-seat = Hay un lugar libre: al inscribirse, será suyo.
offering-register-waitlist = Todos los lugares están ocupados. Al inscribirse, queda en la lista de espera; si se libera un lugar, será suyo por orden de llegada y le enviaremos un correo.
offering-register-approval = Un organizador aprueba cada inscripción. Le enviaremos un correo cuando su lugar esté confirmado.
offering-you-confirmed = Tiene un lugar.
offering-you-waitlisted = { $count ->
    [one] Usted es el siguiente en la lista de espera. Si se libera un lugar, será suyo y le enviaremos un correo.
   *[other] Usted es el número { $count } en la lista de espera. Si se libera un lugar para usted, le enviaremos un correo.
}
offering-you-pending = Su inscripción espera la aprobación de un organizador.
offering-no-registering-cancelled = Este taller fue cancelado: la inscripción está cerrada.
offering-opens-on = La inscripción abre { $when }.
offering-closed-on = La inscripción cerró { $when }.
offering-not-for-you = Este taller es para miembros de otra organización: no puede inscribirse.
offering-cancelled = Este taller fue cancelado.
offering-cancelled-because = Este taller fue cancelado. El organizador escribió: { $message }
offering-cancelled-short = Cancelado por el organizador
offering-sessions = { $count ->
    [one] 1 sesión
   *[other] { $count } sesiones
}
offering-session-n = Sesión { $number }
offering-session-cancelled = cancelada
offering-session-when = De { $start } a { $end }
offering-meeting-link = Entrar a la reunión
offering-link-when-confirmed = El enlace de la reunión aparece aquí cuando tenga un lugar.
offerings-mine-title = Mis sesiones de talleres
offerings-mine-upcoming = Próximas
offerings-mine-no-sessions = No tiene sesiones próximas.
offerings-mine-history = Mi historial
offerings-mine-no-history = Todavía no hay talleres pasados.
offerings-mine-offering = Taller
offerings-mine-when = Cuándo
offerings-mine-status = Inscripción
offerings-mine-had-seat = Tuvo un lugar
flash-offering-seat-taken = Está inscrito: el lugar es suyo.
flash-offering-waitlisted = Todos los lugares están ocupados: está en la lista de espera.
flash-offering-awaiting-approval = Su inscripción fue enviada: un organizador la aprobará.
flash-offering-left = Su inscripción fue cancelada.
error-already-registered = Ya está inscrito en este taller.
error-outside-audience = Este taller es para miembros de otra organización: no puede inscribirse.
error-registration-not-open = La inscripción para este taller aún no abre.
error-registration-closed = La inscripción para este taller ya cerró.
error-offering-cancelled = Este taller fue cancelado.
error-not-registered = No está inscrito en este taller.


## Workshops — creating, editing, copying and cancelling offerings; registering others; approvals
# (this section's messages go below this line)
offerings-admin-title = Talleres
offerings-admin-intro = Talleres y cohortes organizados aquí y por las organizaciones que dependen de esta, con los cupos ocupados, las listas de espera y las solicitudes pendientes de aprobación.
offerings-admin-none = Todavía no se organizan talleres aquí.
offerings-new-title = Nuevo taller
offerings-edit-title = Editar el taller
offerings-copy-title = Copiar a una nueva fecha
offerings-cancel-title = Cancelar el taller
offerings-people-title = Inscripciones y aprobaciones
offerings-manage-back = Volver
offerings-col-offering = Taller
offerings-col-organiser = Organizado por
offerings-col-starts = Comienza
offerings-col-seats = Cupos ocupados
offerings-col-waitlist = Lista de espera
offerings-col-pending = Pendientes de aprobación
offerings-col-line = Línea
offerings-col-email = Correo electrónico
offerings-col-outcome = Resultado
offerings-cancelled-by-organiser = cancelado por el organizador
offerings-cancelled-already = El organizador canceló este taller.
offerings-warnings-title = Facilitadores con dos compromisos a la vez
offerings-double-booked = { $name } también facilita una sesión que comienza el { $when }, a la misma hora que la sesión { $session }. El taller se guardó de todos modos.
offerings-field-title = Título
offerings-field-description = Descripción
offerings-field-language = Idioma en que se imparte
offerings-language-en = Inglés
offerings-language-es = Español
offerings-field-course = Curso
offerings-field-course-hint = Para una cohorte que cursa un curso en conjunto. Déjelo como está para un taller independiente.
offerings-field-course-none = Ninguno: un taller independiente
offerings-field-audience = Quién puede inscribirse
offerings-field-audience-hint = Las personas de esta organización (y de las que dependen de ella), o cualquier persona que haya iniciado sesión.
offerings-field-audience-anyone = Cualquier persona que haya iniciado sesión
offerings-field-hours = Horas de desarrollo profesional
offerings-field-hours-hint = En cuartos de hora, por ejemplo 1,5.
offerings-field-capacity = Cupos
offerings-field-capacity-hint = Nunca menos que los cupos ya ocupados.
offerings-field-opens = La inscripción abre el
offerings-field-closes = La inscripción cierra el
offerings-field-closes-hint = A más tardar el día siguiente a la última sesión. Las fechas son del calendario de la primera sesión.
offerings-field-needs-approval = Un administrador aprueba cada inscripción antes de confirmar el cupo
offerings-field-credit-percent = Porcentaje de sesiones con asistencia para obtener el crédito (%)
offerings-field-credit-percent-hint = Si lo deja vacío: 80.
offerings-field-credit-course = Para obtener el crédito, también hay que completar el curso
offerings-field-remind-first = Primer recordatorio, minutos antes de cada sesión
offerings-field-remind-second = Segundo recordatorio, minutos antes de cada sesión
offerings-field-remind-hint = Si lo deja vacío: un día (1440) y una hora (60). 0: sin recordatorio.
offerings-field-facilitators = Facilitadores
offerings-field-facilitators-hint = Personas con el rol de facilitador aquí, en un nivel superior o inferior.
offerings-field-facilitators-none = Todavía nadie tiene el rol de facilitador aquí, en un nivel superior ni inferior.
offerings-field-competencies = Competencias
offerings-sessions-title = Sesiones
offerings-sessions-hint = Las horas son las del reloj de la zona horaria de la sesión. Una fila vacía no se guarda.
offerings-session-legend = Sesión { $count }
offerings-session-date = Fecha
offerings-session-start = Comienza a las
offerings-session-end = Termina a las
offerings-session-time-hint = En formato de 24 horas, por ejemplo 16:30.
offerings-session-zone = Zona horaria
offerings-session-zone-hint = Por ejemplo America/Mexico_City.
offerings-session-mode = Modalidad
offerings-session-venue = Sede
offerings-session-address = Dirección
offerings-session-place-hint = Para una sesión presencial: la sede o la dirección.
offerings-session-room = Sala
offerings-session-link = Enlace de la reunión
offerings-session-link-hint = Para una sesión en línea: comienza con https://. Solo lo ven las personas con cupo y los facilitadores.
offerings-session-remove = Quitar la sesión { $count }
offerings-session-add = Agregar otra sesión
offerings-save = Guardar el taller
offerings-copy-intro = La copia tiene las mismas sesiones, trasladadas juntas a la nueva fecha, con las mismas horas en el reloj de cada sesión. Las inscripciones no se copian. La copia se abre para editarla.
offerings-copy-first-date = Fecha de la primera sesión
offerings-copy-first-date-hint = Por ejemplo 2027-03-15.
offerings-copy-button = Copiar el taller
offerings-cancel-intro = Se cancelan todas las sesiones. Todas las personas inscritas, en espera o que solicitaron un cupo reciben un correo en su idioma con su nota. Sus inscripciones se conservan y se muestran como canceladas por el organizador.
offerings-cancel-message = Nota para las personas inscritas
offerings-cancel-message-hint = Opcional, hasta 1000 caracteres. Por ejemplo, el motivo y lo que se ofrece en su lugar.
offerings-cancel-button = Cancelar el taller y avisar a todos
offerings-report-title = Qué pasó con cada persona
offerings-pending-title = Pendientes de aprobación
offerings-pending-none = No hay inscripciones pendientes de aprobación.
offerings-pending-asked = solicitó el { $when }
offerings-pending-own = Es su propia inscripción: la decide otro administrador.
offerings-approve = Aprobar
offerings-decline = Rechazar
offerings-others-title = Inscribir a otras personas
offerings-others-intro = Inscriba a una persona por su correo electrónico, o a una lista. Cada persona obtiene un cupo si hay uno libre o, si no, un lugar en la lista de espera, sin necesidad de aprobación.
offerings-others-email = Correo electrónico de una persona
offerings-others-email-hint = Déjelo vacío para enviar una lista.
offerings-others-list = Una lista de correos electrónicos
offerings-others-list-hint = Un correo por línea (una columna CSV). Se omite una primera línea “email”.
offerings-others-file = O un archivo CSV de correos electrónicos
offerings-others-button = Inscribir
offerings-outcome-registered = Inscrita
offerings-outcome-waitlisted = En la lista de espera
offerings-outcome-unknown-email = Nadie tiene una cuenta con este correo electrónico
offerings-outcome-outside-audience = Fuera del público del taller
offerings-outcome-already-registered = Ya estaba inscrita
flash-offering-created = Se creó el taller.
flash-offering-saved = Se guardó el taller.
flash-offering-copied = Se copió el taller. Revise la copia y guárdela.
flash-offering-cancelled = Se canceló el taller y se avisó a todas las personas inscritas.
flash-registration-decided = Se guardó la decisión y se avisó a la persona.
error-capacity-below-confirmed = Ya hay { $count } cupos ocupados: el taller no puede tener menos cupos.
error-not-a-facilitator = Esta persona no tiene el rol de facilitador aquí, en un nivel superior ni inferior.
error-audience-outside = Elija esta organización o una que dependa de ella.
error-unknown-competency = “{ $value }” no es una competencia del marco.
error-decide-own-registration = No puede decidir su propia inscripción: la decide otro administrador.
error-not-pending = Esta inscripción ya no está pendiente de aprobación.
error-already-cancelled = El organizador canceló este taller y ya no puede cambiar.
error-required--capacity = Indique el número de cupos.
error-required--registration_opens = Indique el día en que abre la inscripción.
error-required--registration_closes = Indique el día en que cierra la inscripción.
error-required--sessions-date = Indique la fecha de la sesión.
error-required--sessions-start = Indique la hora en que comienza la sesión.
error-required--sessions-end = Indique la hora en que termina la sesión.
error-required--sessions-time_zone = Indique la zona horaria de la sesión, por ejemplo America/Mexico_City.
error-choose-one--sessions-mode = Elija dónde se realiza la sesión.
error-choose-one--course = Elija un curso de la lista, o ninguno.
error-choose-one--audience = Elija de la lista quién puede inscribirse.
error-required--first_date = Indique la fecha de la primera sesión de la copia.
error-people-required = Indique un correo electrónico, o una lista de ellos.


## Workshops — attendance, check-in and credit
# (this section's messages go below this line)
certificate-workshop = Taller
workshop-credit-reversed-reason = Se corrigió la asistencia y ya no se cumple la regla de crédito del taller.
flash-attendance-saved = Se guardó la asistencia.
flash-checked-in = Su asistencia quedó registrada.
offering-checked-in = Su asistencia a esta sesión quedó registrada.
workshop-roster-title = Lista: { $offering }
workshop-roster-offering = El taller
workshop-roster-intro = Las personas con cupo, la lista de espera en su orden y quienes esperan aprobación, con su asistencia a cada sesión.
workshop-roster-rule = Regla de crédito: asistir al menos al { $percent } % de las sesiones.
workshop-roster-rule-course = Regla de crédito: asistir al menos al { $percent } % de las sesiones y completar el curso.
workshop-roster-csv = Descargar la lista con la asistencia (CSV)
workshop-roster-sessions = Sesiones
workshop-roster-session-n = Sesión { $n }
workshop-roster-session-cancelled = cancelada
workshop-roster-mark = Registrar asistencia
workshop-roster-confirmed = Con cupo ({ $count })
workshop-roster-waitlist = Lista de espera, en orden ({ $count })
workshop-roster-pending = Esperan aprobación ({ $count })
workshop-roster-none = Nadie.
workshop-roster-name = Nombre
workshop-roster-email = Correo electrónico
workshop-roster-status = Estado
workshop-roster-position = Lugar en la fila
workshop-roster-credit = Crédito
workshop-roster-credited = Obtenido
workshop-roster-not-credited = Todavía no
workshop-roster-unmarked = Sin registrar
workshop-attendance-title = Asistencia: sesión { $n } de { $offering }
workshop-attendance-intro = Elija una marca para cada persona y guarde. Puede corregir cualquier marca más tarde; cada cambio queda registrado.
workshop-attendance-code = Código de registro
workshop-attendance-code-hint = Muestre este código en la sala. Las personas con cupo lo escriben en { $address }, desde 30 minutos antes del inicio hasta el final.
workshop-attendance-save = Guardar la asistencia
workshop-attendance-nobody = Todavía nadie tiene cupo.
workshop-attendance-back = La lista
workshop-checkin-title = Registrar asistencia: { $offering }
workshop-checkin-intro = Escriba el código que muestra su facilitador en la sala.
workshop-checkin-open = El registro está abierto para la sesión que empieza { $when }.
workshop-checkin-code = Código de registro
workshop-checkin-code-hint = Seis letras y números, por ejemplo K7P MX3. Puede usar espacios y minúsculas.
workshop-checkin-submit = Registrar mi asistencia
error-attendance-session-cancelled = Esta sesión se canceló: no hay nada que registrar.
error-attendance-not-on-roster = La persona { $value } no tiene cupo en este taller, así que no se puede registrar su asistencia.
error-attendance-mark-invalid = Elija una de las cinco marcas: presente, llegó tarde, se fue antes, ausente o justificada.
error-checkin-code-required = Escriba el código de registro.
error-checkin-not-registered = Solo las personas con cupo confirmado pueden registrar su asistencia.
error-checkin-wrong-code = Ese código no es correcto. Compárelo con la pantalla e inténtelo de nuevo.
error-checkin-other-session = Ese código es de otra sesión de este taller.
error-checkin-not-open = El registro abre el { $when }.
error-checkin-over = El registro cerró: la sesión terminó. Pida a su facilitador que registre su asistencia.
error-checkin-cancelled = Esta sesión se canceló.
error-checkin-wait = Se probaron demasiados códigos. Espere { $unit ->
    [seconds] { $count ->
        [one] 1 segundo
       *[other] { $count } segundos
    }
   *[minutes] { $count ->
        [one] 1 minuto
       *[other] { $count } minutos
    }
} e inténtelo de nuevo.


## Workshops — calendars and reminders
# (this section's messages go below this line)
calendar-title = Calendario suscrito
account-calendar-hint = sus sesiones de talleres en su propia aplicación de calendario.
calendar-intro = Su calendario suscrito es una dirección privada a la que se suscriben las aplicaciones de calendario (Google Calendar, Outlook, Calendario de Apple). Incluye las sesiones de cada taller en el que tiene un lugar o que facilita, con sus enlaces, y las mantiene al día; las sesiones canceladas aparecen como canceladas. Cualquier persona con la dirección puede leerlo, así que no la comparta.
calendar-created-title = Su nueva dirección de calendario
calendar-feed-label = Dirección del calendario suscrito
calendar-feed-hint = Cópiela ahora y agréguela a su aplicación de calendario como suscripción («Desde URL»). Solo se muestra esta vez.
calendar-copy = Copiar dirección
calendar-copied = Dirección copiada.
calendar-made-on = Su dirección de calendario se creó { $when }.
calendar-shown-once = Por su privacidad solo guardamos una huella de ella, así que no se puede volver a mostrar. Si la perdió, cree una nueva.
calendar-none = Aún no tiene una dirección de calendario.
calendar-make-title = Cree su dirección de calendario
calendar-make = Crear mi dirección de calendario
calendar-reset-title = Crear una dirección nueva
calendar-reset-warning = La dirección que tiene ahora dejará de funcionar de inmediato; los calendarios suscritos a ella dejarán de actualizarse.
calendar-reset = Crear una dirección nueva
calendar-feed-name = Talleres de Lyceum
email-workshop-reminder-calendar = Agréguelo a su calendario: { $link }


## Workshops — surveys and the offering's community space
# (this section's messages go below this line)
survey-title = Encuesta de la sesión
survey-results-title = Resultados de la encuesta
survey-session = Sesión del { $when }
survey-back = Volver al taller
survey-anonymous = Su respuesta se guarda sin su nombre: nadie puede saber que es suya. Los facilitadores ven los resultados solo cuando han respondido al menos { $min } personas.
survey-comment-hint = Opcional. Como máximo { $max } caracteres.
survey-send = Enviar mi respuesta
survey-point-1 = Totalmente en desacuerdo
survey-point-2 = En desacuerdo
survey-point-3 = Ni de acuerdo ni en desacuerdo
survey-point-4 = De acuerdo
survey-point-5 = Totalmente de acuerdo
survey-default-useful = La sesión fue útil para mi enseñanza.
survey-default-apply = Puedo aplicar lo aprendido la próxima semana.
survey-default-clear = La persona facilitadora explicó con claridad.
survey-default-pace = El ritmo fue adecuado.
survey-default-recommend = La recomendaría a un colega.
survey-default-change = ¿Qué cambiaría?
survey-refused-survey-cancelled = Esta sesión se canceló, así que no tiene encuesta.
survey-refused-survey-not-yet = La encuesta se abre cuando termina la sesión.
survey-refused-survey-not-attended = Solo quienes asistieron a esta sesión pueden responder su encuesta.
survey-refused-survey-answered = Usted ya respondió esta encuesta. Gracias.
survey-results-intro = Las respuestas son anónimas. Los resultados se muestran solo donde respondieron al menos { $min } personas; los resultados generales cuentan solo esas sesiones.
survey-overall = Todas las sesiones
survey-answers = { $count ->
    [one] { $count } respuesta
   *[other] { $count } respuestas
}
survey-mean = Media (1–5)
survey-no-comments = Nadie escribió una respuesta a esta pregunta.
survey-too-few = Hay muy pocas respuestas para mostrarlas (menos de { $min }).
survey-questions = Preguntas de la encuesta
survey-questions-intro = Cada afirmación se califica de «Totalmente en desacuerdo» a «Totalmente de acuerdo». Deje una afirmación vacía para quitarla.
survey-questions-locked = Ya hay personas que respondieron la encuesta, así que sus preguntas ya no pueden cambiar.
survey-item-1 = Afirmación 1
survey-item-2 = Afirmación 2
survey-item-3 = Afirmación 3
survey-item-4 = Afirmación 4
survey-item-5 = Afirmación 5
survey-free-text = Pregunta abierta
survey-free-text-hint = Opcional. Déjela vacía para no hacer ninguna.
survey-questions-save = Guardar las preguntas
flash-survey-answered = Gracias. Su respuesta se registró sin su nombre.
flash-survey-questions-saved = Se guardaron las preguntas de la encuesta.
error-survey-not-yet = La encuesta se abre cuando termina la sesión.
error-survey-not-attended = Solo quienes asistieron a esta sesión pueden responder su encuesta.
error-survey-answered = Usted ya respondió esta encuesta.
error-survey-cancelled = Esta sesión se canceló, así que no tiene encuesta.
error-survey-locked = Ya hay personas que respondieron la encuesta, así que sus preguntas ya no pueden cambiar.
error-choose-one--rating = Elija cuánto está de acuerdo.
error-required--item = Escriba al menos una afirmación.
error-space-archived = Este espacio está archivado: ahora es solo de lectura.
space-visibility-offering = Los participantes y facilitadores del taller
space-archived-note = Este espacio del taller está archivado: puede leerlo, pero ya nadie puede publicar en él.


## Practice library
notification-practice-waiting = { $name } envió la práctica de aula «{ $topic }» para revisión
notification-practice-returned = { $name } le devolvió su práctica de aula «{ $topic }» con comentarios
notification-practice-published = { $name } publicó su práctica de aula «{ $topic }»
notification-trial-reported = { $name } informó de que probó «{ $topic }»
notification-tier-decided = { $name } decidió el nivel de evidencia de «{ $topic }»
notification-challenge-addressed = Se atendió su reporte de desafío «{ $topic }»: vea qué lo respondió
challenge-category-academic-integrity = Integridad académica
challenge-category-student-privacy = Privacidad del alumnado
challenge-category-bias = Sesgo o resultados injustos
challenge-category-wrong-answers = Respuestas erróneas o inventadas
challenge-category-access-equity = Acceso y equidad
challenge-category-workload = Carga de trabajo
challenge-category-unclear-policy = Normas ausentes o poco claras
challenge-category-student-wellbeing = Bienestar del alumnado
challenge-category-other = Otro
challenge-severity-nuisance = Una molestia
challenge-severity-harms-learning = Perjudica el aprendizaje
challenge-severity-harms-student = Perjudica a un alumno
challenge-status-new = Nuevo
challenge-status-triaged = Revisado
challenge-status-addressed = Atendido
challenge-status-declined = Rechazado
challenge-answer-course = Un curso
challenge-answer-lesson = Una lección
challenge-answer-practice = Una práctica de aula
challenge-answer-resource = Un recurso
challenge-answer-guidance = Orientación escrita aquí
challenge-dimension-category = Categoría
challenge-dimension-grade-band = Nivel de grado
challenge-dimension-locale = Entorno de la escuela
challenge-dimension-title-i = Título I
error-choose-one--severity = Elija cuánto perjudicó.
error-too-many-tags = Use como máximo { $max } etiquetas.
error-tag-too-long = La etiqueta «{ $tag }» es demasiado larga. Use como máximo { $max } caracteres por etiqueta.
error-answer-required = Indique qué lo respondió antes de marcarlo como atendido.
error-unknown-answer = No existe ese curso, lección, práctica o recurso.
error-challenge-status-not-allowed = Un reporte en estado { $from } no puede pasar a { $to }.
error-challenge-merge-itself = Un reporte no puede fusionarse consigo mismo.
error-challenge-merged-already = Ese reporte se fusionó con otro. Fusione con ese otro.
error-unknown-challenge = No existe ese reporte entre los que usted puede revisar.
practice-draft-status-draft = Borrador
practice-draft-status-submitted = Esperando revisión
practice-draft-status-returned = Devuelta con comentarios
licence-cc-by = CC BY 4.0 (atribución)
licence-cc-by-sa = CC BY-SA 4.0 (atribución, compartir igual)
licence-cc0 = CC0 1.0 (sin derechos reservados)
fidelity-as_written = Tal como está escrita
fidelity-adapted = Adaptada
fidelity-loosely = Libremente
design-none = Sin medición de resultados
design-pre_post = Antes y después, sin grupo de comparación
design-correlational = Estudio correlacional
design-comparison = Grupo de comparación (cuasiexperimental)
design-randomised = Ensayo controlado aleatorizado
effect-direction-positive = Positivo
effect-direction-none = Sin efecto claro
effect-direction-negative = Negativo
essa-tier-1 = Nivel 1: evidencia sólida
essa-tier-2 = Nivel 2: evidencia moderada
essa-tier-3 = Nivel 3: evidencia prometedora
essa-tier-4 = Nivel 4: demuestra una justificación
resource-kind-lesson_plan = Plan de clase
resource-kind-prompt_template = Plantilla de instrucciones
resource-kind-guidance = Documento de orientación
resource-kind-policy_template = Plantilla de política

## Practice library — a practice's page, writing and submitting, curators' review, following
# (this section's messages go below this line)
error-required--summary = Escriba un resumen breve: qué es la práctica, en una o dos frases.
error-required--goal = Diga qué aprende o mejora el alumnado con esta práctica.
error-required--steps = Escriba los pasos que seguiría otro docente.
error-required--materials-title = Dé un título al material.
error-required--materials-licence = Diga con qué licencia puede compartirse el material.
error-required--materials-url = Indique la dirección web del material o adjunte un archivo.
practice-title = Práctica de aula
practice-new-title = Compartir una práctica de aula
practice-edit-title = Editar su práctica de aula
practice-mine-title = Mis prácticas de aula
practice-queue-title = Prácticas de aula pendientes de revisión
practice-review-title = Revisar una práctica de aula
practice-new-link = Compartir una práctica de aula
practice-edit-link = Editar
practice-mine-none = Aún no ha compartido ninguna práctica de aula. Comparta una que le funcionó en clase: sus colegas pueden probarla y contar cómo les fue.
practice-mine-published = Publicada, versión { $version }
practice-mine-next-version = Versión { $version }: { $status }
practice-mine-updated = modificada el { $when }
practice-curator-comments = Comentarios de la persona curadora
practice-queue-intro = Prácticas enviadas por docentes de las organizaciones cuya biblioteca usted cura. Publique una cuando esté lista para que sus colegas la prueben, o devuélvala con comentarios que digan qué debe cambiar.
practice-queue-empty = No hay nada pendiente de revisión.
practice-queue-submitted = enviada el { $when }
practice-queue-first = primera versión
practice-queue-next-version = nueva versión { $version }
practice-author-gone = un antiguo miembro
practice-field-org = Compartida por
practice-field-org-hint = La organización a la que pertenece la práctica. Sus curadores la revisan.
practice-field-language = Escrita en
practice-field-title = Título
practice-field-summary = Resumen
practice-field-summary-hint = Dos o tres frases que un colega lee en una lista: qué hacen los estudiantes y con qué herramienta de IA.
practice-field-goal = Objetivo
practice-field-goal-hint = Qué aprenden o hacen mejor los estudiantes gracias a ella.
practice-field-subjects = Materias
practice-field-grade-bands = Niveles
practice-field-competencies = Competencias
practice-field-competencies-hint = Elija hasta 10 que la práctica desarrolla.
practice-field-tools = Herramientas de IA
practice-field-tools-hint = Como se las nombraría a un colega, p. ej. «MagicSchool, ChatGPT (cuenta escolar)».
practice-field-steps = Pasos
practice-field-steps-hint = Lo que usted y sus estudiantes hacen, en orden. Funciona Markdown: una línea que empieza con «1.» numera un paso, **negrita** resalta una palabra. No se permiten scripts.
practice-field-minutes = Minutos en clase
practice-field-minutes-hint = Un número de 1 a 600.
practice-field-materials = Materiales
practice-field-materials-hint = Instrucciones, hojas de trabajo, rúbricas: un enlace o un archivo PDF, PNG o JPEG de hasta 5 MB, cada uno con su licencia. Borre el título y el enlace de un material para quitarlo.
practice-field-equity-notes = Equidad y acceso
practice-field-equity-notes-hint = Opcional. Lo que ayuda a que todos participen: apoyo lingüístico, dispositivos, adaptaciones.
practice-field-privacy-notes = Privacidad de los estudiantes
practice-field-privacy-notes-hint = Opcional. Lo que los estudiantes no deben escribir en la herramienta, las cuentas usadas, la aprobación del distrito.
practice-field-logic-model = Por qué debería funcionar
practice-field-logic-model-hint = Opcional: recursos, actividades y los resultados que espera. Una práctica lo necesita para el nivel de evidencia 4.
practice-field-licence = Licencia
practice-field-licence-hint = Otros pueden compartir y adaptar su práctica bajo esta licencia.
practice-material-n = Material { $n }
practice-material-title = Título
practice-material-url = Enlace
practice-material-file = O un archivo
practice-material-file-hint = PDF, PNG o JPEG, de hasta 5 MB.
practice-material-licence = Su licencia
practice-material-kept-file = Archivo guardado:
practice-save = Guardar borrador
practice-submit = Enviar a revisión
practice-submit-hint = Una persona curadora de la organización la lee y luego la publica o la devuelve con comentarios.
practice-waiting-note = Este borrador espera a una persona curadora. Podrá editarlo de nuevo cuando lo publique o lo devuelva, o retirarlo ahora.
practice-withdraw = Retirar de la revisión
practice-withdraw-hint = Vuelve a ser su borrador; envíelo de nuevo cuando esté listo.
practice-next-version = Está escribiendo la versión { $version }. Los lectores ven la versión actual hasta que una persona curadora publique esta.
practice-draft-line = Borrador: { $status }
practice-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
practice-review-own = Usted escribió esta práctica: otra persona curadora decide sobre ella.
practice-review-changes = Qué cambia en la versión { $version }
practice-review-was = Ahora
practice-review-now = Propuesto
practice-review-draft = El borrador completo
practice-review-decide = Su decisión
practice-review-publish = Publicar
practice-review-comments = Comentarios para la autora o el autor
practice-review-comments-hint = Necesarios para devolverla: diga qué debe cambiar y por qué.
practice-review-return = Devolver con comentarios
practice-review-link = Revisarla
practice-by = De { $author }, { $owner }
practice-not-published = Aún no publicada
practice-version = Versión { $version }
practice-earlier-version = Esta es una versión anterior.
practice-current-version = Ver la versión actual
practice-try-heading = ¿La probó?
practice-try-link = Pruébela y cuéntenos cómo le fue
practice-following = Sigue esta práctica: se enterará de los nuevos informes de prueba.
practice-follow = Seguir esta práctica
practice-unfollow = Dejar de seguirla
practice-follow-hint = Entérese cuando un colega cuente que la probó.
practice-discuss = Comentarla con colegas
practice-versions = Versiones
practice-licence-intro = Compartida bajo
flash-practice-saved = Se guardó su borrador.
flash-practice-submitted = Su práctica se envió a los curadores.
flash-practice-withdrawn = Su práctica vuelve a ser un borrador: nadie la revisará hasta que la envíe.
flash-practice-not-waiting = Esa práctica ya no espera revisión: una persona curadora ya decidió.
flash-practice-published = Se publicó la práctica.
flash-practice-returned = La práctica se devolvió a su autor con sus comentarios.
flash-practice-already-decided = Otra persona curadora decidió antes sobre esta práctica.
flash-practice-followed = Ahora sigue esta práctica.
flash-practice-unfollowed = Ya no sigue esta práctica.
error-choose-at-least-one = Elija al menos una opción.
error-choose-at-least-one--subjects = Elija al menos una materia.
error-choose-at-least-one--grade_bands = Elija al menos un nivel.
error-out-of-range--minutes = Escriba los minutos en clase como un número de 1 a { $max }.
error-link-or-file = Indique un enlace o un archivo de esta práctica, no ambos.
error-markdown-script--steps = Los pasos contienen un script, un manejador de eventos o un enlace javascript:. Quítelo: el navegador de los lectores lo ejecutaría.
error-draft-changed--revision = Este borrador se guardó desde otra página después de que usted abriera esta. Su texto está abajo, sin guardar: compárelo con el borrador y guarde de nuevo para reemplazarlo.
error-practice-waiting = Esta práctica espera a una persona curadora: no puede cambiar hasta que decida.
error-practice-not-waiting = Esta práctica no espera revisión.
error-already-decided = Otra persona curadora ya decidió sobre esta práctica.
error-practice-changed-since-read = Este borrador cambió después de que usted lo abriera. No se decidió nada: vuélvalo a leer antes de decidir.
error-required--comments = Diga qué debe cambiar.
error-choose-one--competencies = Elija competencias de la lista.
error-choose-one--subjects = Elija materias de la lista.
error-choose-one--grade_bands = Elija niveles de la lista.
error-choose-one--licence = Elija una licencia de la lista.

## Practice library — browsing and search
# (this section's messages go below this line)
library-browse-title = Prácticas de aula
library-browse-intro = Usos de la IA en el aula que docentes consideraron dignos de compartir, con lo que ocurrió cuando otros los probaron y la evidencia de cada uno.
home-library-link = Encuentre prácticas de aula que otros docentes probaron y comparta las suyas
library-browse-search-label = Buscar una práctica de aula
library-browse-search = Buscar prácticas
library-browse-search-hint = Palabras del título, el resumen, el objetivo, las herramientas o los pasos, por ejemplo «retroalimentación».
library-browse-filter = Filtrar
library-browse-tier = Nivel de evidencia
library-browse-tier-1 = Nivel 1: sólida
library-browse-tier-2 = Nivel 2: moderada
library-browse-tier-3 = Nivel 3: prometedora
library-browse-tier-4 = Nivel 4: fundamentada
library-browse-tier-none = Sin calificar todavía
library-browse-sort-label = Orden
library-browse-sort-newest = Más recientes
library-browse-sort-trials = Más probadas
library-browse-sort-title = Título
library-browse-sort-relevance = Mejor coincidencia
library-browse-button = Buscar
library-browse-found = { $count ->
    [one] 1 práctica
   *[other] { $count } prácticas
}
library-browse-none = Todavía no se ha publicado ninguna práctica de aula.
library-browse-no-match = Ninguna práctica coincide. Pruebe con menos palabras o menos filtros.
library-browse-tried = { $count ->
    [0] Aún no se ha probado
    [one] Probada en 1 aula
   *[other] Probada en { $count } aulas
}
library-browse-proposed = Propuesto: { $tier }
library-browse-not-rated = Evidencia sin calificar todavía
library-browse-pages = Páginas de prácticas
library-browse-page-of = Página { $at } de { $of }
library-browse-previous = Página anterior
library-browse-next = Página siguiente
library-browse-showing-language = Se muestran prácticas en { $language }.
library-browse-show-too = Mostrar también prácticas en { $language }
library-browse-showing-every-language = Se muestran prácticas en todos los idiomas.
library-browse-show-only = Mostrar solo prácticas en { $language }
error-choose-one--tier = Elija un nivel de evidencia de la lista.

## Practice library — trial reports, their summary and the researchers' export
# (this section's messages go below this line)
trials-heading = Probada en aulas
trials-summary = Probada en { $classrooms ->
    [one] un aula
   *[other] { $classrooms } aulas
} de { $states ->
    [0] ningún estado registrado
    [one] un estado
   *[other] { $states } estados
} ({ $rural } rurales, { $titlei } de Título I); { $again ->
    [one] una persona la volvería a usar
   *[other] { $again } la volverían a usar
}
trials-summary-none = Nadie ha informado todavía de haber probado esta práctica. Sea la primera persona.
trials-see-all = { $count ->
    [one] Leer el informe
   *[other] Leer los { $count } informes
}
trials-file = Cuente cómo le fue en su aula
trials-form-title = Informar de una prueba
trials-list-title = Informes de prueba
trials-none-yet = Todavía no hay informes.
trials-updating = Ya informó sobre esta versión. Al enviar este formulario se actualiza su informe.
trials-your-classroom = Su aula
trials-classroom-hint = Su escuela, su estado, el tipo de localidad y si es de Título I vienen de su perfil y su escuela; no se escriben aquí.
trials-school = Escuela
trials-state = Estado
trials-locale = Tipo de localidad
trials-title-i = Título I
trials-not-recorded = No consta
trials-choose = Elija…
trials-subject = Materia
trials-grade-band = Grados
trials-students = Estudiantes de la clase
trials-students-hint = Un aula: de 1 a 200 estudiantes.
trials-periods = Sesiones de clase usadas
trials-periods-hint = De 1 a 200.
trials-fidelity = Qué tan fielmente la siguió
trials-happened = Qué pasó
trials-happened-hint = Qué hicieron los estudiantes, qué hizo bien o mal la herramienta de IA, qué le sorprendió. Hasta 5.000 caracteres. No nombre a estudiantes.
trials-would-change = Qué cambiaría (opcional)
trials-use-again = ¿La volvería a usar?
trials-yes = Sí
trials-no = No
trials-outcomes = Evidencia de resultados
trials-outcomes-hint = Solo si midió un resultado. Si no, deje elegido «Sin resultado medido».
trials-design = Cómo se midió el resultado
trials-controls = El estudio controló estadísticamente el sesgo de selección
trials-sample-size = Estudiantes en el estudio (todos los grupos)
trials-comparison-size = De ellos, en el grupo de comparación o de control
trials-comparison-hint = Necesario en los diseños con grupo de comparación y aleatorizados; menos que los estudiantes del estudio.
trials-sites = Escuelas o distritos donde se hizo el estudio
trials-measure = Qué se midió
trials-measure-hint = Una prueba o rúbrica, por ejemplo «rúbrica de escritura del distrito, 4 rasgos».
trials-effect-direction = Efecto
trials-not-measured = No informado
trials-effect-size = Tamaño del efecto (estandarizado)
trials-effect-size-hint = De −5,00 a 5,00, por ejemplo 0,25.
trials-significant-legend = ¿Fue el efecto estadísticamente significativo?
trials-not-reported = No informado
trials-send = Enviar informe
trials-update = Actualizar mi informe
trials-yours = Suyo
trials-edit-yours = Editar su informe
trials-filed-on = Informado el { $date }
trials-version = Versión { $version }
trials-pages = Páginas de informes
trials-newer = Informes más recientes
trials-older = Informes anteriores
trials-former-member = Una persona que ya no es miembro
trials-would-again = La volvería a usar
trials-would-not-again = No la volvería a usar
trials-classroom = { $place }; { $students ->
    [one] un estudiante
   *[other] { $students } estudiantes
}, { $periods ->
    [one] una sesión
   *[other] { $periods } sesiones
}
trials-evidence = { $design }: { $sample } estudiantes, { $sites ->
    [one] un sitio
   *[other] { $sites } sitios
}
trials-evidence-comparison = , { $n } en el grupo de comparación
trials-evidence-effect = ; { $direction ->
    [positive] efecto positivo
    [negative] efecto negativo
   *[none] sin efecto claro
} en { $measure }{ $size ->
    [none] {""}
   *[other] {" "}(tamaño del efecto { $size })
}
trials-significant = , estadísticamente significativo
trials-not-significant = , no estadísticamente significativo
flash-trial-filed = Gracias. Su informe de prueba se publica con la práctica.
flash-trial-updated = Su informe de prueba está actualizado.
error-number-range--students = Escriba el número de estudiantes, de 1 a 200: más de 200 estudiantes en el informe de un aula es una escuela, no un aula.
error-number-range--periods = Escriba las sesiones de clase usadas, de 1 a 200.
error-number-range--sample_size = Escriba los estudiantes del estudio como número entero de 1 a { $max }.
error-number-range--comparison_size = Escriba los estudiantes del grupo de comparación como número entero de { $min } a { $max }.
error-number-range--sites = Escriba las escuelas o distritos como número entero de 1 a { $max }.
error-required--happened = Cuente qué pasó en su aula.
error-required--students = Escriba el número de estudiantes de la clase.
error-required--periods = Escriba las sesiones de clase usadas.
error-required--sample_size = Escriba los estudiantes del estudio.
error-required--comparison_size = Escriba los estudiantes del grupo de comparación: este diseño lo necesita.
error-required--sites = Escriba las escuelas o distritos donde se hizo el estudio.
error-required--measure = Diga qué se midió: un efecto necesita una medida.
error-sample-without-design = Elija primero cómo se midió el resultado, o deje esto vacío.
error-effect-without-design = Un efecto sin diseño: elija cómo se midió el resultado, o deje esto vacío.
error-comparison-not-below-sample = Un grupo de comparación mayor que la muestra: el grupo de comparación forma parte de los estudiantes del estudio, así que debe ser menor.
error-comparison-without-design = Solo los diseños con grupo de comparación y aleatorizados tienen grupo de comparación. Deje esto vacío.
error-effect-size-range = Escriba el tamaño del efecto como número de −5,00 a 5,00, por ejemplo 0,25.
error-effect-size-without-direction = Elija la dirección del efecto para dar su tamaño.
error-effect-size-sign = El signo del tamaño no coincide con la dirección: un efecto positivo tiene un tamaño mayor que 0 y uno negativo, menor que 0.
error-significance-without-effect = Elija la dirección del efecto antes de decir si fue significativo.

## Practice library — evidence tiers
# (this section's messages go below this line)
tier-none = Aún sin nivel
tier-students = { $count ->
    [one] 1 estudiante
   *[other] { $count } estudiantes
}
tier-students-unknown = estudiantes no indicados
tier-sites = { $count ->
    [one] 1 centro
   *[other] { $count } centros
}
tier-sites-unknown = centros no indicados
tier-effect-size = tamaño del efecto { $size }
tier-reason-no_trials = Aún no se ha informado ninguna prueba; el nivel 4 necesita al menos una.
tier-reason-no_logic_model = La práctica no tiene modelo lógico; el nivel 4 lo necesita (por qué debería funcionar: recursos, actividades, resultados esperados).
tier-reason-rationale = Hay un modelo lógico escrito y la práctica se ha probado en el aula: cumple el nivel 4.
tier-reason-supports = Respaldada por un efecto positivo y estadísticamente significativo: { $study }.
tier-reason-negative_not_overriding = Se tuvo en cuenta un efecto negativo significativo de un estudio más débil, que no prevalece: { $study }.
tier-reason-overridden = Un efecto negativo significativo de un estudio igual de sólido o más prevalece sobre la evidencia positiva: { $study }.
tier-reason-no_qualifying_study = Ningún estudio aleatorizado, con grupo de comparación o correlacional con controles ha informado un efecto positivo y estadísticamente significativo; el nivel 3 necesita uno.
tier-reason-not_significant = { $count ->
    [one] 1 estudio de ese diseño no informó un efecto positivo y estadísticamente significativo.
   *[other] { $count } estudios de ese diseño no informaron un efecto positivo y estadísticamente significativo.
}
tier-reason-weak_designs = { $count ->
    [one] 1 informe tiene un diseño que no puede respaldar el nivel 3 o superior (solo antes y después, correlacional sin controles o sin resultados medidos).
   *[other] { $count } informes tienen un diseño que no puede respaldar el nivel 3 o superior (solo antes y después, correlacional sin controles o sin resultados medidos).
}
tier-reason-no_comparison_study = El nivel 2 necesita un estudio con grupo de comparación o aleatorizado con un efecto positivo y significativo; el respaldo hasta ahora es correlacional.
tier-reason-no_randomised_study = El nivel 1 necesita un estudio aleatorizado con un efecto positivo y significativo.
tier-reason-too_few_students = El mayor estudio de su tipo ({ $design }): { $have } — se necesitan { $needed } para el nivel siguiente.
tier-reason-too_few_sites = El mayor estudio de su tipo ({ $design }): { $have } — se necesitan { $needed } para el nivel siguiente.
tier-badge-proposed = Propuesto: { $tier }
tier-evidence-title = Nivel de evidencia
tier-evidence-intro = Lyceum propone un nivel de evidencia ESSA a partir de los informes de prueba de la práctica, con sus razones; un curador lo confirma o fija otro con una razón.
tier-confirmed-heading = Nivel confirmado
tier-not-confirmed = Aún no confirmado por un curador
tier-decided-by = Decidido por { $name } el { $when }.
tier-decided-reason = Razón:
tier-decider-gone = un antiguo miembro
tier-proposal-heading = Propuesta de Lyceum
tier-proposed = Lyceum propone: { $tier }.
tier-proposal-agrees = La decisión del curador coincide con la propuesta de Lyceum.
tier-proposed-at = Propuesto { $when }.
tier-reasons-heading = Por qué
tier-rules-note = Cuentan los informes de todas las versiones de la práctica. Los niveles 1 y 2 necesitan al menos 350 estudiantes en al menos dos escuelas o distritos; un efecto negativo significativo de un estudio igual de sólido o más prevalece.
tier-own-practice = Usted escribió esta práctica, así que otro curador decide su nivel.
tier-decide-heading = Decidir el nivel
tier-decision-legend = Su decisión
tier-decision-confirm = Confirmar la propuesta ({ $tier })
tier-decision-set = Fijar { $tier }
tier-decision-none = No fijar ningún nivel
tier-reason-label = Razón
tier-reason-hint = Necesaria si fija un nivel distinto de la propuesta. Hasta { $max } caracteres; la ven el autor y los lectores.
tier-decide-submit = Guardar la decisión
tier-queue-title = Niveles de evidencia por confirmar
tier-queue-intro = Prácticas que usted cura cuyo nivel propuesto difiere del confirmado.
tier-queue-empty = No hay nada pendiente: se han revisado todas las propuestas que usted cura.
tier-queue-changed = La propuesta cambió { $when }, después de la última decisión.
flash-tier-decided = El nivel de evidencia se guardó y se avisó al autor.
error-tier-proposal-changed = La propuesta cambió mientras decidía; vuelva a mirarla.
error-tier-reason-required = Indique una razón para fijar un nivel distinto de la propuesta.
error-tier-decision-unknown = Elija confirmar la propuesta, un nivel o ningún nivel.

## Practice library — resources
# (this section's messages go below this line)
resources-title = Biblioteca de recursos
resources-intro = Planes de clase, plantillas de instrucciones, guías y modelos de políticas que han compartido docentes y curadores. Los recursos destacados aparecen primero.
resources-search-label = Buscar en la biblioteca de recursos
resources-search = Buscar recursos
resources-facet-kind = Tipo
resources-facet-subject = Materia
resources-facet-grade-band = Nivel
resources-facet-competency = Competencia
resources-facet-language = Idioma
resources-found = { $count ->
    [one] 1 recurso
   *[other] { $count } recursos
}
resources-none = Ningún recurso coincide. Pruebe «Cualquiera» en alguna lista o menos palabras.
resource-title = Recurso
resource-new-title = Añadir un recurso
resource-edit-title = Editar el recurso
resource-featured = Destacado
resource-is-file = Archivo
resource-is-link = Enlace
resource-no-ratings = Aún sin valoraciones
resource-rating = { $count ->
    [one] { $stars } de 5 (1 valoración)
   *[other] { $stars } de 5 ({ $count } valoraciones)
}
resource-org = Compartido por
resource-org-hint = La organización dueña del recurso: sus curadores pueden editarlo y destacarlo.
resource-field-title = Título
resource-field-description = Descripción
resource-field-description-hint = Qué es, para quién y cómo usarlo. Puede usar Markdown.
resource-field-kind = Tipo de recurso
resource-field-url = Enlace
resource-field-url-hint = Una dirección web que empiece por https://. Dé un enlace o un archivo, no ambos.
resource-field-file = Archivo
resource-field-file-hint = Un archivo PDF, DOCX, PPTX, ODT, PNG o JPEG de hasta { $mb } MB.
resource-field-file-current = Ahora: { $name }. Elija un archivo solo para reemplazarlo.
resource-field-licence = Licencia
resource-field-language = Idioma
resource-field-subjects = Materias
resource-field-grade-bands = Niveles
resource-field-competencies = Competencias
resource-field-competencies-hint = Marque las que el recurso ayuda a desarrollar; ninguna si no corresponde.
resource-add = Añadir el recurso
resource-save = Guardar los cambios
resource-comment-gone = Un antiguo miembro
resource-open-link = Abrir el recurso
resource-download = Descargar { $name }
resource-licence = Compartido bajo
resource-feature = Destacarlo
resource-unfeature = Dejar de destacarlo
resource-rating-title = Valoración
resource-your-rating = Su valoración
resource-stars = { $count ->
    [one] 1 estrella
   *[other] { $count } estrellas
}
resource-rate = Guardar mi valoración
resource-comments-title = Comentarios
resource-no-comments = Aún no hay comentarios.
resource-comment-hidden = ocultado por un curador
resource-comment-hide = Ocultar
resource-comment-show = Volver a mostrar
resource-comment-label = Su comentario
resource-comment-hint = Cómo lo usó, qué vigilar. Texto o Markdown, hasta 5000 caracteres.
resource-comment-button = Publicar el comentario
resources-linked-title = Recursos
resources-linked-none = Aún no hay recursos enlazados.
resources-linked-remove = Quitar
resources-linked-add-label = Enlazar un recurso
resources-linked-add-hint = El número del recurso, de su dirección (/resources/12 es 12).
resources-linked-add = Enlazarlo
error-file-mismatch = El archivo no es lo que dice su nombre. Dele la extensión correcta o elija otro archivo.
error-file-type--file = El archivo debe ser PDF, DOCX, PPTX, ODT, PNG o JPEG.
error-file-too-large--file = El archivo pesa más de { $max } MB.
error-resource-link-or-file = Dé un enlace o un archivo: uno de los dos.
error-stars-range = Elija de 1 a 5 estrellas.
error-rating-own-resource = Usted añadió este recurso: lo valoran otras personas, no quien lo añadió.
error-required--kind = Elija el tipo de recurso.
error-required--org = Elija la organización que lo comparte.
error-required--resource_id = Escriba el número de un recurso.
error-resource-unknown = No hay ningún recurso con ese número.
error-lesson-unknown = El curso no tiene ninguna lección «{ $lesson }».

## The AI tool registry (issue 20).
tool-cost-free = Gratuita
tool-cost-freemium = Gratuita, con funciones de pago
tool-cost-paid_per_teacher = De pago por docente
tool-cost-paid_per_school = De pago por escuela o distrito
tool-cost-unknown = Costo desconocido
tool-privacy-agreement-none_known = No se conoce ningún acuerdo de privacidad
tool-privacy-agreement-available = Acuerdo de privacidad disponible
tool-criterion-data_collected = Datos que recopila
tool-criterion-retention_deletion = Conservación y eliminación
tool-criterion-model_training = Uso de datos de estudiantes o docentes para entrenar modelos
tool-criterion-privacy_agreement = Acuerdo de privacidad
tool-criterion-age_and_terms = Adecuación a la edad y condiciones de uso
tool-criterion-bias = Sesgo observado en los resultados
tool-criterion-transparency = Transparencia (resultados de IA señalados; el docente puede revisarlos y corregirlos)
tool-criterion-accessibility = Accesibilidad (WCAG, idiomas)
tool-criterion-cost_and_equity = Costo y equidad de acceso
tool-rating-does_not_meet = No cumple
tool-rating-meets_with_reservations = Cumple con reservas
tool-rating-meets = Cumple
tool-rating-dont_know = No lo sé
tool-status-approved = Aprobada
tool-status-under_review = En revisión
tool-status-not_approved = No aprobada
tool-sort-name = Nombre
tool-sort-reviews = Más reseñadas
error-unknown-tool = No hay ninguna herramienta así en el registro.
error-tool-exists = El registro ya tiene una herramienta con este nombre.
error-registry-programme-admins-only = Solo los administradores del programa agregan y editan las herramientas del registro.
error-tool-status-not-yours = Solo los administradores de { $org }, o de una organización superior, fijan su estado para una herramienta.
error-unknown-org = No existe esa organización.
error-number-range--min_age = Escriba la edad mínima como un número entero de { $min } a { $max }.
error-number-range--max_age = Escriba la edad máxima como un número entero de { $min } a { $max }, o déjela vacía para «en adelante».
error-choose-one--cost_model = Elija cómo se paga la herramienta.
error-choose-one--privacy_agreement = Elija si el proveedor ofrece un acuerdo de privacidad.
error-required--decided_on = Escriba la fecha de la decisión.
error-choose-one--ratings-data_collected = Califique «Datos que recopila», o elija «No lo sé».
error-choose-one--ratings-retention_deletion = Califique «Conservación y eliminación», o elija «No lo sé».
error-choose-one--ratings-model_training = Califique «Entrenamiento con nuestros datos», o elija «No lo sé».
error-choose-one--ratings-privacy_agreement = Califique «Acuerdo de privacidad», o elija «No lo sé».
error-choose-one--ratings-age_and_terms = Califique «Edad y condiciones», o elija «No lo sé».
error-choose-one--ratings-bias = Califique «Sesgo», o elija «No lo sé».
error-choose-one--ratings-transparency = Califique «Transparencia», o elija «No lo sé».
error-choose-one--ratings-accessibility = Califique «Accesibilidad», o elija «No lo sé».
error-choose-one--ratings-cost_and_equity = Califique «Costo y equidad», o elija «No lo sé».

## Challenge radar
radar-home-link = Vea el radar de desafíos: los problemas que los docentes encuentran con la IA y qué los respondió
radar-title = Radar de desafíos
radar-lead = Los problemas con la IA en clase que reportaron los educadores de { $scope }, por mes, y qué los respondió.
radar-exact = Usted ve los conteos exactos, como miembro del equipo del programa.
radar-suppressed = Los conteos menores de 10 se muestran como «<10», y se ocultan algunos conteos mayores para que ningún conteo pequeño pueda deducirse de los totales.
radar-scope = Mostrar el radar de
radar-show = Mostrar
radar-chart-title = Reportes por categoría y mes
radar-chart-summary = Reportes por categoría, de { $from } a { $to }.
radar-chart-total = Total: { $total }.
radar-chart-top = Reportado con más frecuencia: { $category } ({ $count }).
radar-chart-suppressed = Los conteos menores de 10 y los ocultos no se dibujan; la tabla de abajo da cada conteo que puede mostrarse.
radar-total = Total
radar-withheld = oculto
radar-by-category = Por categoría
radar-by-grade-band = Por nivel de grados
radar-by-locale = Por ubicación de la escuela
radar-by-title-i = Por condición de Título I
radar-caption-category = Reportes por categoría y mes
radar-caption-grade-band = Reportes por nivel de grados y mes
radar-caption-locale = Reportes por ubicación de la escuela y mes
radar-caption-title-i = Reportes por condición de Título I de la escuela y mes
radar-locale-city = Ciudad
radar-locale-suburb = Suburbio
radar-locale-town = Pueblo
radar-locale-rural = Rural
radar-locale-unknown = No se sabe
radar-title-i-yes = Escuela de Título I
radar-title-i-no = No es escuela de Título I
radar-title-i-unknown = No se sabe
radar-addressed = Atendidos recientemente
radar-addressed-none = Todavía no se ha atendido ningún reporte.
challenge-new-title = Reportar un desafío
challenge-new-lead = Cuéntele al programa un problema que encontró con la IA en clase. Los reportes orientan los cursos, las prácticas y las guías que escribimos después.
challenge-choose = Elija…
challenge-any = Cualquiera
challenge-field-category = Tipo de problema
challenge-field-severity = ¿Cuánto afectó?
challenge-field-tool = Herramienta de IA
challenge-field-tool-hint = Si el problema vino con una herramienta del registro, elíjala.
challenge-no-tool = Ninguna, o no está en la lista
challenge-field-subject = Materia
challenge-field-grade-band = Nivel de grados
challenge-field-happened = Qué pasó
challenge-field-happened-hint = No incluya nombres de estudiantes ni nada que identifique a un estudiante.
challenge-field-tried = Qué intentó
challenge-field-tried-hint = Opcional: qué hizo al respecto y cómo le fue.
challenge-field-anonymous = Reportar de forma anónima
challenge-field-anonymous-hint = Entonces su nombre nunca se muestra con este reporte: ni a los administradores de su escuela o distrito, ni a otros educadores, ni en las exportaciones. Solo los administradores del programa pueden llegar a saber quién lo envió. Usted lo sigue viendo en «Mis reportes» y se le avisa cuando se atiende.
challenge-send = Enviar el reporte
challenge-filed-title = Gracias: se envió su reporte
challenge-filed-anonymous = Es anónimo: solo los administradores del programa pueden llegar a saber quién lo envió. Se le avisará aquí cuando se atienda.
challenge-filed-named = Se le avisará aquí cuando se atienda.
challenge-mine-title = Mis reportes
challenge-mine-none = Todavía no ha reportado ningún desafío.
challenge-mine-caption = Sus reportes, del más reciente al más antiguo
challenge-anonymous-yours = Anónimo (usted)
challenge-col-report = Reporte
challenge-col-status = Estado
challenge-col-month = Mes
challenge-title = Reporte de desafío
challenge-title-n = Reporte { $n }
challenge-anonymous = Anónimo
challenge-anonymous-known = Anónimo (enviado por { $name }: solo los administradores del programa ven esto)
challenge-reporter-gone = Una cuenta que ya no existe
challenge-reporter = Reportado por
challenge-from = Desde
challenge-tags = Etiquetas
challenge-tags-hint = Hasta 5, separadas por comas.
challenge-answered-by = Qué lo respondió
challenge-merged-into = Este reporte se combinó, como duplicado, con
challenge-queue-title = Revisión de desafíos
challenge-queue-lead = Reportes enviados desde las organizaciones que usted administra, del más reciente al más antiguo. Sus propios reportes nunca aparecen aquí.
challenge-queue-not-yours = Usted no revisa reportes de desafíos: los administradores de cada organización revisan los de su organización.
challenge-queue-empty = Ningún reporte coincide.
challenge-queue-caption = Reportes por revisar, del más reciente al más antiguo
challenge-filter = Filtrar
challenge-older = Reportes anteriores
challenge-triage-title = Revisión
challenge-triage-save = Guardar la revisión
challenge-answer-none = Nada todavía
challenge-field-answer = Qué lo respondió
challenge-field-answer-hint = Necesario antes de marcar un reporte como atendido.
challenge-field-answer-id = Número del curso, la práctica o el recurso
challenge-field-answer-id-hint = Para una lección, el número de su curso.
challenge-field-lesson = Clave de la lección
challenge-field-lesson-hint = Solo para una lección: la última parte de la dirección de la lección.
challenge-field-guidance = Guía
challenge-merge-title = Combinar como duplicado
challenge-field-into = Número del reporte con el que combinarlo
challenge-field-into-hint = Este reporte sale entonces de la cola y deja de contar en el radar.
challenge-merge = Combinar
error-choose-one--status = Elija un estado.
error-required--answer_id = Escriba el número de lo que lo respondió.
error-required--lesson = Escriba la clave de la lección.
error-required--guidance = Escriba la guía.
error-required--into = Escriba el número del reporte con el que combinarlo.

## AI tool registry
tools-title = Herramientas de IA
tools-home-link = Herramientas de IA
tools-intro = Herramientas que usan las escuelas, lo que encontraron los colegas al reseñarlas y si su escuela puede usarlas. Ninguna herramienta paga por estar aquí ni por aparecer primero.
tools-new-title = Agregar una herramienta
tools-edit-title = Editar la herramienta
tools-sort-label = Orden
tools-found = { $count ->
    [one] 1 herramienta
   *[other] { $count } herramientas
}
tools-none = El registro todavía no tiene herramientas.
tools-col-tool = Herramienta
tools-col-does = Qué hace
tools-col-ages = Edades previstas
tools-col-cost = Costo
tools-col-privacy = Acuerdo de privacidad
tools-col-reviews = Reseñas
tools-col-status = Estado en su escuela
tools-ages = Edades { $ages }
tools-review-count = { $count ->
    [0] Aún sin reseñas
    [one] 1 reseña
   *[other] { $count } reseñas
}
tools-source-approved = Aprobada por { $org }, { $date }
tools-source-under_review = En revisión por { $org } desde el { $date }
tools-source-not_approved = No aprobada por { $org }, { $date }
tools-status-none = Ni su escuela ni las organizaciones superiores han decidido todavía
tools-by-vendor = De { $vendor }
tools-status-title = Estado en su escuela
tools-status-signed = La organización que decidió firmó el acuerdo de privacidad del proveedor.
tools-status-not-signed = La organización que decidió no ha firmado un acuerdo de privacidad con el proveedor.
tools-status-set-link = Fijar el estado para una organización que usted administra
tools-ratings-title = Lo que encontraron los revisores
tools-review-add = Reseñar esta herramienta
tools-review-edit = Cambiar su reseña
tools-spread-caption = Cuántos revisores calificaron cada criterio de cada manera
tools-col-criterion = Criterio
tools-col-total = Revisores
tools-col-spread = Distribución
tools-reviews-title = Reseñas recientes
tools-reviews-none = Nadie ha reseñado esta herramienta todavía.
tools-review-no-comments = Solo calificaciones, sin comentarios.
tools-review-title = Reseñar una herramienta
tools-review-intro = Califique { $tool } en cada criterio. Elija «No lo sé» cuando no pueda saberlo. Los comentarios son opcionales; no nombre a estudiantes.
tools-review-editing = Ya reseñó esta herramienta: al guardar, cambia su reseña.
tools-review-comment = Comentario sobre «{ $criterion }» (opcional)
tools-review-send = Enviar la reseña
tools-review-save = Guardar la reseña
tools-status-form-title = El estado de una herramienta en su organización
tools-status-intro = El estado que fije para { $tool } vale para su organización y para cada organización inferior que no haya fijado el suyo.
tools-own-caption = Las decisiones propias de sus organizaciones
tools-col-org = Organización
tools-col-own = Su propia decisión
tools-col-actions = Acciones
tools-own-decision = { $status }, { $date }
tools-own-none = Ninguna: sigue a la organización superior
tools-status-clear = Quitar la decisión de { $org }
tools-field-org = Organización
tools-field-org-hint = Una que usted administra.
tools-field-status = Estado
tools-field-note = Nota
tools-field-note-hint = Opcional. Por qué, y las condiciones de uso. Hasta 500 caracteres.
tools-field-decided-on = Fecha de la decisión
tools-field-decided-on-hint = Por ejemplo 2026-09-01.
tools-field-signed = Esta organización firmó el acuerdo de privacidad del proveedor
tools-status-save = Guardar el estado
tools-form-intro = Describa la herramienta tal como es, sin la publicidad del proveedor. Las reseñas y los estados los agregan docentes y organizaciones.
tools-field-name = Nombre
tools-field-vendor = Proveedor
tools-field-url = Dirección web
tools-field-url-hint = Que empiece con https://
tools-field-description = Qué hace
tools-field-description-hint = En palabras sencillas, hasta 2.000 caracteres.
tools-field-min-age = Edad mínima prevista
tools-field-min-age-hint = En años, de 3 a 18, según las condiciones del proveedor.
tools-field-max-age = Edad máxima prevista
tools-field-max-age-hint = Déjela vacía para «en adelante».
tools-field-cost = Costo
tools-field-privacy = Acuerdo de privacidad
tools-field-privacy-hint = Si el proveedor ofrece uno. Si su organización lo firmó es parte de su estado.
tools-save = Guardar la herramienta
tools-add = Agregar la herramienta
error-required--vendor = Escriba el proveedor.
error-required--url = Escriba la dirección web de la herramienta.
error-required--description = Diga qué hace la herramienta.

## A practice's registry tools
practice-tools-title = Herramientas de IA del registro
practice-tools-none = Aún no hay herramientas del registro vinculadas.
practice-tools-remove = Quitar
practice-tools-add-label = Vincular una herramienta del registro
practice-tools-choose = Elija una herramienta
practice-tools-add = Vincular herramienta
error-choose-one--tool_id = Elija una herramienta de la lista.

## Challenge radar (CSV)
radar-csv-link = Descargar estos conteos (CSV)
radar-csv-dimension = Dimensión
radar-csv-value = Valor
radar-csv-month = Mes
radar-csv-count = Conteo

## A tool's practices and challenges
tools-practices-title = Prácticas que la usan
tools-practices-none = Aún ninguna práctica publicada vincula esta herramienta.
tools-practices-count = { $count ->
    [one] { $count } práctica publicada usa esta herramienta.
   *[other] { $count } prácticas publicadas usan esta herramienta.
}
tools-practice-trials = { $count ->
    [one] probada en { $count } aula
   *[other] probada en { $count } aulas
}
tools-challenges-title = Desafíos reportados con ella
tools-challenges-intro = Problemas que el personal docente reportó con esta herramienta, por tipo. Fuera del equipo del programa, los recuentos menores de 10 aparecen como «<10». Todos los desafíos:
tools-challenges-caption = Reportes de desafíos que nombran esta herramienta, por categoría
tools-col-category = Categoría
tools-col-reports = Reportes
tools-challenges-total = Todos los reportes

## The programme's settings (programme admins)
programme-settings-title = Configuración del programa
programme-settings-intro = Configuración de todo el programa. Solo los administradores del programa pueden verla y cambiarla, y cada cambio queda registrado.
programme-settings-radar-title = Radar de desafíos
programme-settings-public-radar = Publicar los resúmenes del radar para todos, sin iniciar sesión
programme-settings-public-radar-hint = Cualquiera que tenga el enlace podrá ver el radar de todo el programa: los reportes por categoría, nivel escolar, tipo de localidad de la escuela y condición de Título I, y qué los respondió. Los conteos menores de 10 se muestran como «<10» y se ocultan algunos conteos mayores, como para cualquier persona ajena al equipo del programa. No se muestra el nombre, la escuela ni las palabras de nadie.
programme-settings-radar-now-public = Ahora el radar está publicado para todos.
programme-settings-radar-now-private = Ahora el radar solo se muestra a quienes inician sesión.
programme-settings-changed = Último cambio: { $date }.
programme-settings-radar-link = Ver el radar
programme-settings-save = Guardar la configuración
flash-programme-settings-saved = Se guardó la configuración del programa.
flash-challenge-triaged = Se guardó la revisión del reporte.
flash-challenge-merged = El duplicado se unió a este reporte.
org-admin-overview-programme = Todo el programa
org-admin-overview-programme-settings = Configuración del programa: publicar el radar de desafíos para todos
radar-public-note = Estos son los resúmenes publicados del programa: los conteos menores de 10 se muestran como «<10». Los educadores del programa inician sesión para reportar un desafío.
error-programme-settings-admins-only = Solo los administradores del programa cambian la configuración del programa.
error-unknown-field = «{ $field }» no es un campo que se acepte aquí.
error-not-a-boolean = Indique true o false.
error-not-an-object = Envíe un objeto con los campos que desea cambiar.

## Registro de herramientas de IA: reseñas anteriores, el CSV de las reseñas, retirar la propia reseña
tools-reviews-older = Reseñas anteriores
tools-reviews-newest = Volver a las reseñas más recientes
tools-reviews-pager = Más reseñas
tools-reviews-csv = Descargar las reseñas (CSV)
tools-reviews-csv-hint = Todas las reseñas, una por línea, con sus calificaciones y comentarios. No se nombra a quienes reseñaron, salvo para el equipo del programa.
tools-review-withdraw = Retirar mi reseña
tools-review-withdraw-title = ¿Retirar su reseña?
tools-review-withdraw-intro = Su reseña de { $tool } se eliminará: sus calificaciones salen de los conteos de la herramienta y sus comentarios ya no se mostrarán a nadie. No se puede deshacer, pero puede escribir una reseña nueva más adelante.
tools-review-withdraw-keep = Conservar mi reseña
flash-tool-review-withdrawn = Su reseña se retiró.

## Analítica: la meta del programa
error-required--target = Escriba el número de docentes que se quiere alcanzar.
error-number-range--target = Escriba los docentes que se quiere alcanzar como un número entero de { $min } a { $max }.
error-required--first_year = Escriba el año en que empieza el primer año escolar del programa, por ejemplo 2026.
error-number-range--first_year = Escriba el año en que empieza el primer año escolar, de { $min } a { $max }.
error-required--milestones = Escriba los docentes alcanzados al final de cada año escolar.
error-number-range--milestones = Escriba los docentes alcanzados al final de este año escolar como un número entero de { $min } a { $max }.
error-too-many--milestones = Una meta abarca como máximo { $max } años escolares.
error-milestone-below-previous = Al final del año { $year }: el hito no puede ser menor que el del año anterior, { $previous }, porque un hito cuenta a todos los alcanzados hasta entonces.
error-milestone-not-target = Al final del año { $year }: el último hito es la meta misma; póngalo en { $target } o cambie la meta.
error-choose-one--reached_by = Elija qué cuenta como haber alcanzado a un docente.

## Analytics: the dashboard
analytics-title = Analítica
analytics-trail = Dónde está
analytics-reached-by = Se considera alcanzado a quien haya { $definition }.
analytics-as-of = Datos a { $time }.
analytics-waiting = Los cambios hechos desde { $time } aún se están contando; el resto está al día.
analytics-exact = Ve cada cifra tal como es.
analytics-suppressed = Para proteger a las personas, toda cifra menor que 10 aparece como «<10», y algunas cifras mayores se ocultan para que ninguna pequeña pueda deducirse de las demás.
analytics-scope = Organización
analytics-show = Mostrar
analytics-csv-link = Descargar estas cifras (CSV)
analytics-goal-change = Cambiar la meta
analytics-withheld = oculta
analytics-rate = Proporción alcanzada
analytics-educators = Docentes
analytics-reached = Alcanzados
analytics-organisation = Organización
analytics-school-year = Año escolar
analytics-step = Paso
analytics-to-date = Hasta hoy
analytics-here = En { $scope } misma, no en una organización de abajo
analytics-no-gap = No hay suficientes cifras publicadas para comparar estos grupos.
analytics-gap-sentence = { $worst } se alcanzan al { $pct } de la tasa de { $best }.
analytics-goal-title = Avance hacia la meta
analytics-goal-caption = Docentes alcanzados al final de cada año escolar, frente a los hitos de la meta
analytics-goal-series = Meta
analytics-reached-series = Alcanzados
analytics-goal-sentence = { $reached } de { $target } docentes alcanzados hasta ahora.
analytics-goal-on-track = El programa va al ritmo del hito de este año.
analytics-goal-behind = El programa va por detrás del hito de este año.
analytics-goal-projected = Al ritmo de los últimos doce meses, la meta se alcanza en { $month }.
analytics-goal-reached = La meta está alcanzada.
analytics-goal-no-pace = Nadie fue alcanzado en los últimos doce meses, así que no se puede proyectar una fecha.
analytics-funnel-title = El embudo de aprendizaje
analytics-funnel-caption = Docentes que dieron cada paso por primera vez, por año escolar
analytics-funnel-sentence = Hasta hoy, { $registered } docentes se registraron y { $completed } completaron un curso o taller.
analytics-year-series = { $year }
analytics-by-locale = Por ubicación de la escuela
analytics-by-title-i = Por condición de Título I
analytics-by-poverty = Por nivel de pobreza de la escuela
analytics-by-experience = Por años de experiencia
analytics-segment-caption = { $segment }: docentes y proporción alcanzada
analytics-below-title = Organizaciones de abajo
analytics-below-summary = La proporción de docentes alcanzados en cada organización directamente bajo { $scope }.
milestone-registered = Se registró
milestone-started = Comenzó un curso o taller
milestone-completed = Completó uno
milestone-certified = Obtuvo un certificado
milestone-shared = Compartió una práctica o un informe de prueba
milestone-attended = Asistió a un taller
milestone-pd-hours = Obtuvo 6 horas de desarrollo profesional
reached-by-completed = completado al menos un curso o taller
reached-by-certified = obtenido al menos un certificado
reached-by-attended = asistido al menos a una sesión de taller
reached-by-pd-hours = obtenido al menos 6 horas de desarrollo profesional
analytics-locale-city = Ciudad
analytics-locale-suburb = Suburbio
analytics-locale-town = Pueblo
analytics-locale-rural = Rural
analytics-locale-unknown = No se sabe
analytics-title-i-yes = Escuela de Título I
analytics-title-i-no = No de Título I
analytics-title-i-unknown = No se sabe
analytics-poverty-low = Pobreza baja (25 % o menos)
analytics-poverty-mid-low = Pobreza media baja (25–50 %)
analytics-poverty-mid-high = Pobreza media alta (50–75 %)
analytics-poverty-high = Pobreza alta (más del 75 %)
analytics-poverty-unknown = No se sabe
analytics-experience-0-3 = 0–3 años
analytics-experience-4-10 = 4–10 años
analytics-experience-11-20 = 11–20 años
analytics-experience-21-plus = 21 años o más
analytics-experience-unknown = No se sabe
analytics-group-locale-city = los docentes de ciudad
analytics-group-locale-suburb = los docentes de suburbio
analytics-group-locale-town = los docentes de pueblo
analytics-group-locale-rural = los docentes rurales
analytics-group-title-i-yes = los docentes de escuelas de Título I
analytics-group-title-i-no = los docentes de otras escuelas
analytics-group-poverty-low = los docentes de escuelas de pobreza baja
analytics-group-poverty-mid-low = los docentes de escuelas de pobreza media baja
analytics-group-poverty-mid-high = los docentes de escuelas de pobreza media alta
analytics-group-poverty-high = los docentes de escuelas de pobreza alta
analytics-group-experience-0-3 = los docentes en sus tres primeros años
analytics-group-experience-4-10 = los docentes con 4–10 años
analytics-group-experience-11-20 = los docentes con 11–20 años
analytics-group-experience-21-plus = los docentes con 21 años o más
analytics-goal-form-title = La meta del programa
analytics-goal-form-intro = Cuántos docentes se propone alcanzar el programa, para cuándo y qué cuenta como alcanzar a uno. Los paneles miden el avance frente a ella.
analytics-goal-target = Docentes por alcanzar
analytics-goal-target-hint = Un número entero, por ejemplo 400000.
analytics-goal-first-year = El primer año escolar comienza en
analytics-goal-first-year-hint = El año calendario en que comienza el primer año escolar (de julio a junio), por ejemplo 2026.
analytics-goal-reached-by = Un docente está alcanzado cuando ha
analytics-goal-milestones = Hitos
analytics-goal-milestones-hint = Docentes alcanzados en total al final de cada año escolar, desde el primero. Deje vacíos los años después del último; el último hito es la meta misma.
analytics-goal-year-n = Al final del año { $n }
analytics-goal-save = Guardar la meta
analytics-back = Volver a la analítica
flash-goal-saved = La meta está guardada.
error-not-a-number = Indique un número.
error-not-a-list = Indique una lista.
nav-analytics = Analítica
org-admin-overview-analytics = Analítica: alcance y equidad
error-unknown-choice--org = «{ $value }» no es una organización cuya analítica pueda ver.
analytics-no-data = aún no, o no publicado
