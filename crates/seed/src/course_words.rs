//! Word lists for plausible courses: AI-literacy topics with the UNESCO
//! competencies they build, lesson and module titles, and the sentences
//! lessons are written from — in English and Spanish.
//!
//! Placeholders in sentences: `{topic}` (the topic's phrase, lower case),
//! `{subject}`, `{grade}` (who the course is for) and `{tool}`.

use lyceum_domain::profile::{GradeBand, Subject};

/// English and Spanish.
pub type Words = (&'static str, &'static str);

pub struct Topic {
    /// As a title (`How generative AI works`).
    pub title: Words,
    /// As a phrase inside a sentence (`how generative AI works`).
    pub phrase: Words,
    /// Keys of competencies of the default framework it builds.
    pub competencies: &'static [&'static str],
    /// Titles may name a subject or grade (`… in science`).
    pub audience: bool,
    /// Lessons only this topic has.
    pub lessons: &'static [Words],
    /// Sentences only this topic has.
    pub points: &'static [Words],
}

pub const TOPICS: &[Topic] = &[
    Topic {
        title: ("How generative AI works", "Cómo funciona la IA generativa"),
        phrase: ("how generative AI works", "cómo funciona la IA generativa"),
        competencies: &["basic-ai-techniques", "human-agency"],
        audience: true,
        lessons: &[
            (
                "A model predicts the next word",
                "Un modelo predice la palabra siguiente",
            ),
            (
                "Where the training data comes from",
                "De dónde vienen los datos de entrenamiento",
            ),
            (
                "Why answers change each time",
                "Por qué las respuestas cambian cada vez",
            ),
            (
                "What a model cannot know",
                "Lo que un modelo no puede saber",
            ),
        ],
        points: &[
            (
                "A chatbot does not look answers up: it continues text, one likely word at a time.",
                "Un chatbot no busca las respuestas: continúa el texto, una palabra probable tras otra.",
            ),
            (
                "Fluent writing is not evidence that the content is true.",
                "Un texto fluido no demuestra que el contenido sea cierto.",
            ),
        ],
    },
    Topic {
        title: (
            "Writing prompts that work",
            "Escribir instrucciones que funcionan",
        ),
        phrase: (
            "writing prompts that work",
            "escribir instrucciones que funcionan",
        ),
        competencies: &["application-skills", "ai-assisted-teaching"],
        audience: true,
        lessons: &[
            ("Context, task and format", "Contexto, tarea y formato"),
            ("Giving examples to the model", "Dar ejemplos al modelo"),
            ("Asking again, and better", "Volver a preguntar, y mejor"),
            (
                "A prompt library for your team",
                "Una biblioteca de instrucciones para su equipo",
            ),
        ],
        points: &[
            (
                "A good prompt says who the output is for, what it must contain and what form it should take.",
                "Una buena instrucción dice para quién es el resultado, qué debe contener y qué forma debe tener.",
            ),
            (
                "Keep the prompts that worked, with a note on why, so colleagues can reuse them.",
                "Guarde las instrucciones que funcionaron, con una nota sobre por qué, para que sus colegas las reutilicen.",
            ),
        ],
    },
    Topic {
        title: ("Checking AI answers", "Verificar las respuestas de la IA"),
        phrase: ("checking AI answers", "verificar las respuestas de la IA"),
        competencies: &["basic-ai-techniques", "human-accountability"],
        audience: true,
        lessons: &[
            ("Confident and wrong", "Seguro y equivocado"),
            ("Where errors cluster", "Dónde se concentran los errores"),
            (
                "Three checks before class",
                "Tres comprobaciones antes de clase",
            ),
            (
                "Teaching students to verify",
                "Enseñar al alumnado a verificar",
            ),
        ],
        points: &[
            (
                "Citations, dates, numbers and quotations are where invented details appear most often.",
                "Las citas, fechas, cifras y referencias son donde más a menudo aparecen datos inventados.",
            ),
            (
                "Look each reference up before you use it with students.",
                "Busque cada referencia antes de usarla con sus estudiantes.",
            ),
        ],
    },
    Topic {
        title: (
            "Bias and fairness in AI tools",
            "Sesgo y equidad en las herramientas de IA",
        ),
        phrase: (
            "bias and fairness in AI tools",
            "el sesgo y la equidad en las herramientas de IA",
        ),
        competencies: &["ethical-principles", "social-responsibility"],
        audience: true,
        lessons: &[
            ("Where bias comes from", "De dónde viene el sesgo"),
            ("Testing a tool for bias", "Poner a prueba una herramienta"),
            (
                "Stereotypes in generated images",
                "Estereotipos en las imágenes generadas",
            ),
            (
                "Fair use of AI in grading",
                "Uso justo de la IA al calificar",
            ),
        ],
        points: &[
            (
                "Views that are common online are over-represented in what a model produces.",
                "Las opiniones frecuentes en internet están sobrerrepresentadas en lo que produce un modelo.",
            ),
            (
                "Ask the same question about two groups of people and compare the answers.",
                "Haga la misma pregunta sobre dos grupos de personas y compare las respuestas.",
            ),
        ],
    },
    Topic {
        title: ("Protecting student data", "Proteger los datos del alumnado"),
        phrase: ("protecting student data", "proteger los datos del alumnado"),
        competencies: &["safe-responsible-use", "ethical-principles"],
        audience: true,
        lessons: &[
            (
                "What counts as student data",
                "Qué cuenta como dato del alumnado",
            ),
            (
                "Reading a tool's privacy terms",
                "Leer las condiciones de privacidad de una herramienta",
            ),
            (
                "FERPA, COPPA and your district",
                "FERPA, COPPA y su distrito",
            ),
            ("Safe habits for every day", "Hábitos seguros para cada día"),
        ],
        points: &[
            (
                "Names, grades, photos and anything that identifies a student stay out of tools your district has not approved.",
                "Los nombres, notas, fotos y todo lo que identifique a un estudiante quedan fuera de las herramientas que su distrito no ha aprobado.",
            ),
            (
                "What you type into a free tool may be stored and used to train it.",
                "Lo que escribe en una herramienta gratuita puede guardarse y usarse para entrenarla.",
            ),
        ],
    },
    Topic {
        title: ("AI-aware assessment", "Evaluación consciente de la IA"),
        phrase: ("AI-aware assessment", "la evaluación consciente de la IA"),
        competencies: &["ai-pedagogy-integration", "human-accountability"],
        audience: true,
        lessons: &[
            (
                "Tasks a chatbot cannot do for students",
                "Tareas que un chatbot no puede hacer por el alumnado",
            ),
            (
                "Assessing the process, not only the product",
                "Evaluar el proceso, no solo el producto",
            ),
            (
                "Oral checks and conferences",
                "Comprobaciones orales y entrevistas",
            ),
            (
                "Rubrics that name AI use",
                "Rúbricas que nombran el uso de la IA",
            ),
        ],
        points: &[
            (
                "Tasks tied to local places, personal experience or class discussion are hard to hand to a chatbot.",
                "Las tareas ligadas a lugares cercanos, a la experiencia personal o al debate en clase son difíciles de encargar a un chatbot.",
            ),
            (
                "Drafts, notes and short conversations show how a student got to the answer.",
                "Los borradores, las notas y las conversaciones breves muestran cómo llegó un estudiante a la respuesta.",
            ),
        ],
    },
    Topic {
        title: ("Academic integrity and AI", "Integridad académica e IA"),
        phrase: (
            "academic integrity in the age of AI",
            "la integridad académica en la era de la IA",
        ),
        competencies: &["co-creating-ethical-rules", "human-agency"],
        audience: true,
        lessons: &[
            (
                "Why detectors are not the answer",
                "Por qué los detectores no son la solución",
            ),
            (
                "Clear rules for each assignment",
                "Reglas claras para cada tarea",
            ),
            (
                "Talking with a student you suspect",
                "Hablar con un estudiante del que sospecha",
            ),
            (
                "Citing AI help honestly",
                "Citar con honestidad la ayuda de la IA",
            ),
        ],
        points: &[
            (
                "AI detectors make mistakes, and they are more likely to flag students writing in a second language.",
                "Los detectores de IA se equivocan, y señalan con más frecuencia a quienes escriben en una segunda lengua.",
            ),
            (
                "Say for each assignment which uses of AI are allowed, and how to acknowledge them.",
                "Indique en cada tarea qué usos de la IA se permiten y cómo reconocerlos.",
            ),
        ],
    },
    Topic {
        title: (
            "Faster, better feedback with AI",
            "Retroalimentación más rápida y mejor con IA",
        ),
        phrase: ("feedback with AI", "la retroalimentación con IA"),
        competencies: &["ai-assisted-teaching", "ai-pedagogy-integration"],
        audience: true,
        lessons: &[
            (
                "What good feedback does",
                "Qué hace una buena retroalimentación",
            ),
            (
                "Drafting comments with a model",
                "Redactar comentarios con un modelo",
            ),
            ("Keeping your voice", "Conservar su propia voz"),
            (
                "Feedback students act on",
                "Retroalimentación que el alumnado aplica",
            ),
        ],
        points: &[
            (
                "Use a model to draft comments, then edit them so they sound like you and fit the student.",
                "Use un modelo para esbozar comentarios y después edítelos para que suenen a usted y se ajusten al estudiante.",
            ),
            (
                "Feedback works when students have time in class to act on it.",
                "La retroalimentación funciona cuando el alumnado tiene tiempo en clase para aplicarla.",
            ),
        ],
    },
    Topic {
        title: (
            "Planning lessons with an AI assistant",
            "Planificar clases con un asistente de IA",
        ),
        phrase: (
            "planning lessons with an AI assistant",
            "planificar clases con un asistente de IA",
        ),
        competencies: &["ai-assisted-teaching", "application-skills"],
        audience: true,
        lessons: &[
            (
                "From standard to lesson outline",
                "Del estándar al esquema de la clase",
            ),
            (
                "Generating examples and practice",
                "Generar ejemplos y ejercicios",
            ),
            (
                "Checking a plan against your curriculum",
                "Contrastar un plan con su currículo",
            ),
            (
                "Adapting a plan for your students",
                "Adaptar un plan a su alumnado",
            ),
        ],
        points: &[
            (
                "An assistant can draft an outline in seconds; deciding what your students need is still your job.",
                "Un asistente puede esbozar un esquema en segundos; decidir qué necesita su alumnado sigue siendo su trabajo.",
            ),
            (
                "Ask for several versions of a practice set and keep the best questions from each.",
                "Pida varias versiones de una serie de ejercicios y quédese con las mejores preguntas de cada una.",
            ),
        ],
    },
    Topic {
        title: (
            "Differentiating instruction with AI",
            "Diferenciar la enseñanza con IA",
        ),
        phrase: (
            "differentiating instruction with AI",
            "diferenciar la enseñanza con IA",
        ),
        competencies: &["ai-pedagogy-integration", "human-agency"],
        audience: true,
        lessons: &[
            (
                "One text, three reading levels",
                "Un texto, tres niveles de lectura",
            ),
            (
                "Scaffolds and sentence frames",
                "Andamiajes y marcos de oraciones",
            ),
            (
                "Extension tasks for fast finishers",
                "Tareas de ampliación para quien termina antes",
            ),
            (
                "Who decides what a student needs",
                "Quién decide qué necesita un estudiante",
            ),
        ],
        points: &[
            (
                "A model can rewrite a passage at several reading levels; check that the meaning survived.",
                "Un modelo puede reescribir un texto en varios niveles de lectura; compruebe que el sentido se mantiene.",
            ),
            (
                "Decisions about a student's path belong to the teacher who knows the student.",
                "Las decisiones sobre el recorrido de un estudiante corresponden al docente que lo conoce.",
            ),
        ],
    },
    Topic {
        title: (
            "AI for accessibility and inclusion",
            "IA para la accesibilidad y la inclusión",
        ),
        phrase: (
            "AI for accessibility and inclusion",
            "la IA para la accesibilidad y la inclusión",
        ),
        competencies: &["safe-responsible-use", "ai-enhanced-transformation"],
        audience: true,
        lessons: &[
            (
                "Text to speech and speech to text",
                "De texto a voz y de voz a texto",
            ),
            (
                "Captions, summaries and alt text",
                "Subtítulos, resúmenes y texto alternativo",
            ),
            (
                "Supporting IEP goals",
                "Apoyar los objetivos del plan educativo individual",
            ),
            (
                "When assistive AI gets it wrong",
                "Cuando la IA de apoyo se equivoca",
            ),
        ],
        points: &[
            (
                "Automatic captions and read-aloud tools open lessons to more students when they are checked.",
                "Los subtítulos automáticos y la lectura en voz alta abren las clases a más estudiantes cuando se revisan.",
            ),
            (
                "Involve the student and their family in choosing the tools they use.",
                "Involucre al estudiante y a su familia en la elección de las herramientas que usa.",
            ),
        ],
    },
    Topic {
        title: (
            "Deepfakes and media literacy",
            "Deepfakes y alfabetización mediática",
        ),
        phrase: (
            "deepfakes and media literacy",
            "los deepfakes y la alfabetización mediática",
        ),
        competencies: &["social-responsibility", "ethical-principles"],
        audience: true,
        lessons: &[
            (
                "How synthetic media is made",
                "Cómo se crean los medios sintéticos",
            ),
            ("Lateral reading", "Lectura lateral"),
            (
                "Spotting a manipulated image",
                "Detectar una imagen manipulada",
            ),
            (
                "When a student is targeted",
                "Cuando un estudiante es el blanco",
            ),
        ],
        points: &[
            (
                "Reading laterally — leaving the page to see what others say about the source — beats staring at the image.",
                "Leer lateralmente —salir de la página para ver qué dicen otros de la fuente— funciona mejor que mirar fijamente la imagen.",
            ),
            (
                "Have a plan for what to do when a fake image of a student circulates.",
                "Tenga un plan para cuando circule una imagen falsa de un estudiante.",
            ),
        ],
    },
    Topic {
        title: (
            "Machine learning, explained for teachers",
            "El aprendizaje automático explicado para docentes",
        ),
        phrase: ("machine learning", "el aprendizaje automático"),
        competencies: &["basic-ai-techniques", "creating-with-ai"],
        audience: true,
        lessons: &[
            ("Learning from examples", "Aprender de ejemplos"),
            (
                "Training a classifier with students",
                "Entrenar un clasificador con el alumnado",
            ),
            (
                "Overfitting, in plain words",
                "El sobreajuste, en palabras sencillas",
            ),
            (
                "Recommendation systems around us",
                "Los sistemas de recomendación que nos rodean",
            ),
        ],
        points: &[
            (
                "A classifier learns from labelled examples; the labels carry the choices of whoever made them.",
                "Un clasificador aprende de ejemplos etiquetados; las etiquetas llevan las decisiones de quien las puso.",
            ),
            (
                "Students can train a small image classifier in one lesson and see where it fails.",
                "El alumnado puede entrenar un pequeño clasificador de imágenes en una clase y ver dónde falla.",
            ),
        ],
    },
    Topic {
        title: ("Data literacy and AI", "Alfabetización de datos e IA"),
        phrase: ("data literacy", "la alfabetización de datos"),
        competencies: &["basic-ai-techniques", "application-skills"],
        audience: true,
        lessons: &[
            ("Where data comes from", "De dónde vienen los datos"),
            (
                "Reading a chart critically",
                "Leer un gráfico con sentido crítico",
            ),
            (
                "Small data sets in class",
                "Pequeños conjuntos de datos en clase",
            ),
            ("Who is missing from the data", "Quién falta en los datos"),
        ],
        points: &[
            (
                "Every data set leaves someone out; ask who, and what that changes.",
                "Todo conjunto de datos deja a alguien fuera; pregunte a quién y qué cambia eso.",
            ),
            (
                "Collecting a small data set with students makes the choices behind data visible.",
                "Recoger un pequeño conjunto de datos con el alumnado hace visibles las decisiones detrás de los datos.",
            ),
        ],
    },
    Topic {
        title: (
            "Writing an AI policy for your school",
            "Redactar una política de IA para su escuela",
        ),
        phrase: (
            "an AI policy for your school",
            "una política de IA para su escuela",
        ),
        competencies: &["co-creating-ethical-rules", "ai-organizational-learning"],
        audience: false,
        lessons: &[
            (
                "What a school AI policy covers",
                "Qué abarca una política escolar de IA",
            ),
            (
                "Bringing students into the rules",
                "Incluir al alumnado en las reglas",
            ),
            ("Approving tools", "Aprobar herramientas"),
            (
                "Reviewing the policy each year",
                "Revisar la política cada año",
            ),
        ],
        points: &[
            (
                "A useful policy names approved tools, allowed uses and who to ask when in doubt.",
                "Una política útil nombra las herramientas aprobadas, los usos permitidos y a quién preguntar en caso de duda.",
            ),
            (
                "Rules that students helped write are rules students understand.",
                "Las reglas que el alumnado ayudó a escribir son reglas que el alumnado entiende.",
            ),
        ],
    },
    Topic {
        title: (
            "Talking with families about AI",
            "Hablar de IA con las familias",
        ),
        phrase: (
            "talking with families about AI",
            "hablar de IA con las familias",
        ),
        competencies: &["social-responsibility", "human-accountability"],
        audience: true,
        lessons: &[
            ("What families worry about", "Qué preocupa a las familias"),
            (
                "A letter home about AI",
                "Una carta a las familias sobre la IA",
            ),
            (
                "Family night: try it together",
                "Noche de familias: probarlo juntos",
            ),
            ("Answering hard questions", "Responder preguntas difíciles"),
        ],
        points: &[
            (
                "Families want to know which tools their children use, what data they share and how work is graded.",
                "Las familias quieren saber qué herramientas usan sus hijos, qué datos comparten y cómo se califica el trabajo.",
            ),
            (
                "Offer information in the languages your families speak.",
                "Ofrezca la información en las lenguas que hablan sus familias.",
            ),
        ],
    },
    Topic {
        title: ("AI tutors and chatbots", "Tutores de IA y chatbots"),
        phrase: (
            "AI tutors and chatbots in class",
            "los tutores de IA y los chatbots en el aula",
        ),
        competencies: &["application-skills", "ai-pedagogy-integration"],
        audience: true,
        lessons: &[
            (
                "What a tutor bot is good at",
                "Para qué sirve un tutor automático",
            ),
            (
                "Setting up a guided conversation",
                "Preparar una conversación guiada",
            ),
            (
                "Watching how students use it",
                "Observar cómo lo usa el alumnado",
            ),
            ("When to switch it off", "Cuándo apagarlo"),
        ],
        points: &[
            (
                "A tutor bot that gives hints instead of answers keeps students thinking.",
                "Un tutor automático que da pistas en lugar de respuestas mantiene al alumnado pensando.",
            ),
            (
                "Read a sample of the conversations: they show misconceptions you would not otherwise see.",
                "Lea una muestra de las conversaciones: revelan ideas erróneas que de otro modo no vería.",
            ),
        ],
    },
    Topic {
        title: ("Creative projects with AI", "Proyectos creativos con IA"),
        phrase: (
            "creative projects with AI",
            "los proyectos creativos con IA",
        ),
        competencies: &["creating-with-ai", "ai-enhanced-transformation"],
        audience: true,
        lessons: &[
            (
                "AI as a brainstorming partner",
                "La IA como compañera de lluvia de ideas",
            ),
            (
                "Image generators in art class",
                "Generadores de imágenes en la clase de arte",
            ),
            ("Who owns what was made", "De quién es lo que se creó"),
            ("Showcasing student work", "Mostrar el trabajo del alumnado"),
        ],
        points: &[
            (
                "Ask students to document which ideas came from them and which from the tool.",
                "Pida al alumnado que documente qué ideas fueron suyas y cuáles de la herramienta.",
            ),
            (
                "Artists dispute how their work is used to train image models; that debate belongs in class.",
                "Los artistas discuten cómo se usa su obra para entrenar modelos de imágenes; ese debate tiene sitio en clase.",
            ),
        ],
    },
    Topic {
        title: (
            "Teaching coding alongside AI assistants",
            "Enseñar programación junto a asistentes de IA",
        ),
        phrase: (
            "teaching coding alongside AI assistants",
            "enseñar programación junto a asistentes de IA",
        ),
        competencies: &["creating-with-ai", "application-skills"],
        audience: true,
        lessons: &[
            (
                "Reading code before running it",
                "Leer el código antes de ejecutarlo",
            ),
            ("Debugging with an assistant", "Depurar con un asistente"),
            (
                "Projects that still teach",
                "Proyectos que siguen enseñando",
            ),
            (
                "Explaining code in your own words",
                "Explicar el código con sus propias palabras",
            ),
        ],
        points: &[
            (
                "Students who explain each line of generated code learn more than those who only run it.",
                "Quien explica cada línea del código generado aprende más que quien solo lo ejecuta.",
            ),
            (
                "Assistants suggest code that runs but does the wrong thing; tests catch it.",
                "Los asistentes sugieren código que funciona pero hace algo distinto; las pruebas lo detectan.",
            ),
        ],
    },
    Topic {
        title: (
            "AI translation and English learners",
            "Traducción con IA y estudiantes de inglés",
        ),
        phrase: (
            "AI translation for English learners",
            "la traducción con IA para estudiantes de inglés",
        ),
        competencies: &["ai-assisted-teaching", "safe-responsible-use"],
        audience: true,
        lessons: &[
            (
                "Translation as a bridge, not a crutch",
                "La traducción como puente, no como muleta",
            ),
            ("Bilingual glossaries", "Glosarios bilingües"),
            ("Home-language support", "Apoyo en la lengua materna"),
            ("Checking a translation", "Revisar una traducción"),
        ],
        points: &[
            (
                "Machine translation helps newcomers follow content while they build English.",
                "La traducción automática ayuda a quien acaba de llegar a seguir los contenidos mientras aprende inglés.",
            ),
            (
                "Ask a speaker of the language to check translations sent home.",
                "Pida a un hablante de la lengua que revise las traducciones que se envían a las familias.",
            ),
        ],
    },
    Topic {
        title: (
            "Leading AI professional learning",
            "Liderar el aprendizaje profesional sobre IA",
        ),
        phrase: (
            "leading AI professional learning",
            "liderar el aprendizaje profesional sobre IA",
        ),
        competencies: &[
            "ai-lifelong-learning",
            "ai-organizational-learning",
            "ai-professional-transformation",
        ],
        audience: true,
        lessons: &[
            (
                "Starting a learning community",
                "Iniciar una comunidad de aprendizaje",
            ),
            ("Sharing what worked", "Compartir lo que funcionó"),
            (
                "Coaching a hesitant colleague",
                "Acompañar a un colega indeciso",
            ),
            (
                "Measuring change in practice",
                "Medir el cambio en la práctica",
            ),
        ],
        points: &[
            (
                "Teachers learn most from colleagues who teach the same students.",
                "El profesorado aprende sobre todo de colegas que enseñan al mismo alumnado.",
            ),
            (
                "A short monthly meeting to share one tried idea keeps momentum.",
                "Una reunión breve cada mes para compartir una idea probada mantiene el impulso.",
            ),
        ],
    },
    Topic {
        title: (
            "The environmental cost of AI",
            "El costo ambiental de la IA",
        ),
        phrase: (
            "the environmental cost of AI",
            "el costo ambiental de la IA",
        ),
        competencies: &["social-responsibility"],
        audience: true,
        lessons: &[
            (
                "Energy, water and data centres",
                "Energía, agua y centros de datos",
            ),
            (
                "Using AI when it is worth it",
                "Usar la IA cuando vale la pena",
            ),
            ("A class investigation", "Una investigación en clase"),
        ],
        points: &[
            (
                "Training and running large models uses energy and water; the amounts are contested and worth investigating.",
                "Entrenar y usar modelos grandes consume energía y agua; las cifras se discuten y vale la pena investigarlas.",
            ),
            (
                "Not every task needs AI: choosing when to use it is part of using it well.",
                "No toda tarea necesita IA: elegir cuándo usarla es parte de usarla bien.",
            ),
        ],
    },
    Topic {
        title: ("Keeping teachers in charge", "El docente al mando"),
        phrase: (
            "keeping teachers in charge of AI",
            "mantener al docente al mando de la IA",
        ),
        competencies: &["human-agency", "human-accountability"],
        audience: true,
        lessons: &[
            (
                "Decisions AI should not make",
                "Decisiones que la IA no debe tomar",
            ),
            (
                "Human review of automated scores",
                "Revisión humana de las calificaciones automáticas",
            ),
            (
                "Explaining a decision to a student",
                "Explicar una decisión a un estudiante",
            ),
        ],
        points: &[
            (
                "Grades, placements and discipline are decisions about people, and people make them.",
                "Las calificaciones, las asignaciones y la disciplina son decisiones sobre personas, y las toman personas.",
            ),
            (
                "If you cannot explain why a tool suggested something, do not act on it alone.",
                "Si no puede explicar por qué una herramienta sugirió algo, no actúe solo por ello.",
            ),
        ],
    },
    Topic {
        title: (
            "Reducing teacher workload with AI",
            "Reducir la carga de trabajo docente con IA",
        ),
        phrase: (
            "reducing workload with AI",
            "reducir la carga de trabajo con IA",
        ),
        competencies: &["application-skills", "ai-lifelong-learning"],
        audience: true,
        lessons: &[
            ("Where the hours go", "En qué se van las horas"),
            (
                "Emails, newsletters and forms",
                "Correos, boletines y formularios",
            ),
            ("Reusing what you make", "Reutilizar lo que crea"),
            ("Protecting your time", "Proteger su tiempo"),
        ],
        points: &[
            (
                "Start with the routine writing that takes time but little judgement.",
                "Empiece por los textos rutinarios que llevan tiempo pero poco criterio.",
            ),
            (
                "Time saved is only saved if it goes back to students or to rest.",
                "El tiempo ahorrado solo se ahorra si vuelve al alumnado o al descanso.",
            ),
        ],
    },
];

/// Lessons any course may have.
pub const LESSONS: &[Words] = &[
    ("Why this matters now", "Por qué esto importa ahora"),
    (
        "Key ideas in plain words",
        "Las ideas clave en palabras sencillas",
    ),
    ("Try it yourself", "Pruébelo usted"),
    ("A classroom example", "Un ejemplo de aula"),
    ("Common mistakes", "Errores frecuentes"),
    ("Risks and limits", "Riesgos y límites"),
    ("Talking about it with students", "Hablarlo con el alumnado"),
    ("Planning your first lesson", "Planificar su primera clase"),
    ("Working with colleagues", "Trabajar con colegas"),
    ("What the research says", "Lo que dice la investigación"),
    ("Questions students ask", "Preguntas que hace el alumnado"),
    ("A checklist for Monday", "Una lista para el lunes"),
    ("Looking back on practice", "Mirar atrás sobre la práctica"),
    (
        "Case study: one school's year",
        "Estudio de caso: el año de una escuela",
    ),
    ("Adapting for your grade", "Adaptarlo a su grado"),
    ("Next steps", "Próximos pasos"),
];

pub const MODULES: &[Words] = &[
    ("Getting started", "Primeros pasos"),
    ("Understanding the tools", "Entender las herramientas"),
    ("In your classroom", "En su aula"),
    ("Risks and responsibilities", "Riesgos y responsabilidades"),
    ("Putting it into practice", "Ponerlo en práctica"),
    ("Sharing with colleagues", "Compartir con colegas"),
    ("Foundations", "Fundamentos"),
    ("Trying it out", "Probarlo"),
    ("Reflect and plan", "Reflexionar y planificar"),
    ("Going further", "Ir más allá"),
];

/// Headings inside a lesson.
pub const HEADINGS: &[Words] = &[
    ("What to know", "Qué saber"),
    ("Why it matters in class", "Por qué importa en clase"),
    ("An example", "Un ejemplo"),
    ("Try this", "Pruebe esto"),
    ("Watch out for", "Tenga cuidado con"),
    ("In your subject", "En su materia"),
    ("Check yourself", "Compruébelo"),
    ("With your students", "Con su alumnado"),
];

/// Sentences any lesson may use.
pub const SENTENCES: &[Words] = &[
    (
        "This lesson looks at {topic} with {subject} in mind.",
        "Esta lección trata sobre {topic} pensando en {subject}.",
    ),
    (
        "Teachers in {grade} tell us the hardest part is knowing where to start.",
        "Docentes de {grade} nos dicen que lo más difícil es saber por dónde empezar.",
    ),
    (
        "Open {tool} and try the task yourself before you plan it for students.",
        "Abra {tool} y haga la tarea usted antes de planificarla para el alumnado.",
    ),
    (
        "Most of what follows takes ten minutes to try and a term to master.",
        "Casi todo lo que sigue se prueba en diez minutos y se domina en un trimestre.",
    ),
    (
        "The point is not to use AI more, but to use it where it helps learning.",
        "No se trata de usar más la IA, sino de usarla donde ayuda a aprender.",
    ),
    (
        "Keep a short note of what you tried, what happened and what you would change.",
        "Tome una nota breve de lo que probó, lo que pasó y lo que cambiaría.",
    ),
    (
        "Students notice quickly when {tool} gets something wrong; make that a learning moment.",
        "El alumnado nota enseguida cuando {tool} se equivoca; conviértalo en un momento de aprendizaje.",
    ),
    (
        "Compare notes with a colleague: what works in {subject} may need changing elsewhere.",
        "Compare notas con un colega: lo que funciona en {subject} puede necesitar cambios en otras materias.",
    ),
    (
        "Whatever the tool, the teacher decides what happens next.",
        "Sea cual sea la herramienta, el docente decide qué pasa después.",
    ),
    (
        "Check your district's list of approved tools before you use {tool} with a class.",
        "Consulte la lista de herramientas aprobadas por su distrito antes de usar {tool} con un grupo.",
    ),
    (
        "Younger students need more guidance; older students can help set the rules.",
        "El alumnado más joven necesita más guía; el mayor puede ayudar a fijar las reglas.",
    ),
    (
        "Try it first with a low-stakes task, such as a warm-up or an exit ticket.",
        "Pruébelo primero con una tarea de bajo riesgo, como un calentamiento o un boleto de salida.",
    ),
    (
        "Write down one question you still have; the next lesson may answer it.",
        "Anote una pregunta que todavía tenga; la próxima lección puede responderla.",
    ),
    (
        "None of this replaces knowing your students.",
        "Nada de esto sustituye conocer a su alumnado.",
    ),
];

pub const TIPS: &[Words] = &[
    (
        "Say which uses of AI are allowed before the task starts.",
        "Diga qué usos de la IA se permiten antes de empezar la tarea.",
    ),
    (
        "Keep student names and grades out of prompts.",
        "Deje los nombres y las notas del alumnado fuera de las instrucciones.",
    ),
    (
        "Ask the tool twice and compare the answers.",
        "Pregunte dos veces a la herramienta y compare las respuestas.",
    ),
    (
        "Check every fact, date and quotation against a source.",
        "Contraste cada dato, fecha y cita con una fuente.",
    ),
    (
        "Model your own thinking aloud while you use the tool.",
        "Muestre su propio razonamiento en voz alta mientras usa la herramienta.",
    ),
    (
        "Save prompts that worked and share them with your team.",
        "Guarde las instrucciones que funcionaron y compártalas con su equipo.",
    ),
    (
        "Ask students how they used AI, not only whether they did.",
        "Pregunte al alumnado cómo usó la IA, no solo si la usó.",
    ),
    (
        "End with a short reflection on what the tool got wrong.",
        "Termine con una breve reflexión sobre lo que la herramienta hizo mal.",
    ),
    (
        "Plan an offline version for students without a device.",
        "Prepare una versión sin conexión para quien no tenga dispositivo.",
    ),
];

pub const TOOLS: &[Words] = &[
    ("a chatbot", "un chatbot"),
    ("an image generator", "un generador de imágenes"),
    ("a writing assistant", "un asistente de escritura"),
    ("a tutoring app", "una aplicación de tutoría"),
    ("a translation tool", "una herramienta de traducción"),
    ("a coding assistant", "un asistente de programación"),
];

/// Second halves of titles (`Checking AI answers: a practical start`).
pub const ANGLES: &[Words] = &[
    ("a practical start", "un primer paso práctico"),
    ("from policy to practice", "de la política a la práctica"),
    ("what to try on Monday", "qué probar el lunes"),
    (
        "a short course for busy teachers",
        "un curso breve para docentes con poco tiempo",
    ),
    ("going deeper", "para profundizar"),
    (
        "leading change in your school",
        "liderar el cambio en su escuela",
    ),
    ("a hands-on workshop", "un taller práctico"),
    ("the essentials", "lo esencial"),
    ("a year-long inquiry", "una indagación de un curso escolar"),
];

/// Opening sentences of summaries; `{topic}` as above.
pub const SUMMARIES: &[Words] = &[
    (
        "A practical introduction to {topic}, with examples from real classrooms.",
        "Una introducción práctica sobre {topic}, con ejemplos de aulas reales.",
    ),
    (
        "What every teacher should know about {topic}, and what to do about it.",
        "Lo que todo docente debería saber sobre {topic}, y qué hacer al respecto.",
    ),
    (
        "Short lessons on {topic} that you can try with a class the same week.",
        "Lecciones breves sobre {topic} que puede probar con un grupo la misma semana.",
    ),
    (
        "A course for teachers who want to go beyond the basics of {topic}.",
        "Un curso para docentes que quieren ir más allá de lo básico sobre {topic}.",
    ),
    (
        "Colleagues share their experience of {topic}, and you plan your own next step.",
        "Colegas comparten su experiencia sobre {topic}, y usted planifica su propio siguiente paso.",
    ),
];

/// The subject as it reads after "in" (`… in science`), in a title or a sentence.
pub fn subject_words(s: Subject) -> Words {
    match s {
        Subject::Ela => ("English language arts", "lengua y literatura"),
        Subject::Math => ("mathematics", "matemáticas"),
        Subject::Science => ("science", "ciencias"),
        Subject::SocialStudies => ("social studies", "ciencias sociales"),
        Subject::WorldLanguages => ("world languages", "lenguas extranjeras"),
        Subject::Arts => ("the arts", "artes"),
        Subject::HealthPe => ("health and PE", "salud y educación física"),
        Subject::ComputerScience => ("computer science", "informática"),
        Subject::CareerTechnical => ("career and technical education", "formación profesional"),
        Subject::SpecialEducation => ("special education", "educación especial"),
        Subject::EnglishLearners => (
            "classes for English learners",
            "clases para estudiantes de inglés",
        ),
        Subject::Library => ("the school library", "la biblioteca escolar"),
        Subject::Elementary => ("the elementary classroom", "el aula de primaria"),
        Subject::Other => ("every subject", "todas las materias"),
    }
}

pub fn grade_words(g: GradeBand) -> Words {
    match g {
        GradeBand::K2 => ("K–2", "los grados K a 2"),
        GradeBand::G3to5 => ("grades 3–5", "los grados 3 a 5"),
        GradeBand::G6to8 => ("middle school", "secundaria"),
        GradeBand::G9to12 => ("high school", "bachillerato"),
    }
}

/// Quiz questions any course may ask: prompt, kind, options (text, correct).
pub struct QuestionWords {
    pub prompt: Words,
    pub multiple: bool,
    pub options: &'static [(Words, bool)],
}

pub const QUESTIONS: &[QuestionWords] = &[
    QuestionWords {
        prompt: (
            "A chatbot gives you three references for a lesson. What do you do first?",
            "Un chatbot le da tres referencias para una clase. ¿Qué hace primero?",
        ),
        multiple: false,
        options: &[
            (
                (
                    "Use them: the model has read many papers",
                    "Usarlas: el modelo ha leído muchos artículos",
                ),
                false,
            ),
            (
                (
                    "Look each one up before using it",
                    "Buscar cada una antes de usarla",
                ),
                true,
            ),
            (
                (
                    "Ask the chatbot whether they are real",
                    "Preguntar al chatbot si son reales",
                ),
                false,
            ),
        ],
    },
    QuestionWords {
        prompt: (
            "Which of these should stay out of a tool your district has not approved?",
            "¿Cuáles de estos datos deben quedar fuera de una herramienta que su distrito no ha aprobado?",
        ),
        multiple: true,
        options: &[
            (("Students' names", "Los nombres del alumnado"), true),
            (("Students' grades", "Las notas del alumnado"), true),
            (
                (
                    "A paragraph you wrote about photosynthesis",
                    "Un párrafo suyo sobre la fotosíntesis",
                ),
                false,
            ),
        ],
    },
    QuestionWords {
        prompt: (
            "Who decides a student's grade when an AI tool suggested a score?",
            "¿Quién decide la nota de un estudiante cuando una herramienta de IA sugirió una puntuación?",
        ),
        multiple: false,
        options: &[
            (("The tool", "La herramienta"), false),
            (("The teacher", "El docente"), true),
            (("The student", "El estudiante"), false),
        ],
    },
    QuestionWords {
        prompt: (
            "Why can the same prompt give different answers?",
            "¿Por qué la misma instrucción puede dar respuestas distintas?",
        ),
        multiple: false,
        options: &[
            (
                (
                    "The model chooses among likely words, with some randomness",
                    "El modelo elige entre palabras probables, con algo de azar",
                ),
                true,
            ),
            (
                (
                    "Someone edits each answer by hand",
                    "Alguien edita cada respuesta a mano",
                ),
                false,
            ),
            (
                (
                    "The internet changed in between",
                    "Internet cambió entre tanto",
                ),
                false,
            ),
        ],
    },
    QuestionWords {
        prompt: (
            "Which make an assignment harder to hand to a chatbot?",
            "¿Qué hace que una tarea sea más difícil de encargar a un chatbot?",
        ),
        multiple: true,
        options: &[
            (
                (
                    "Drawing on a class discussion",
                    "Partir de un debate de clase",
                ),
                true,
            ),
            (
                ("Handing in drafts and notes", "Entregar borradores y notas"),
                true,
            ),
            (
                ("A longer word count", "Un número mayor de palabras"),
                false,
            ),
        ],
    },
    QuestionWords {
        prompt: (
            "An AI detector flags an essay. What is a fair next step?",
            "Un detector de IA señala una redacción. ¿Cuál es un paso justo a continuación?",
        ),
        multiple: false,
        options: &[
            (("Give the essay a zero", "Poner un cero"), false),
            (
                (
                    "Talk with the student about how they wrote it",
                    "Hablar con el estudiante sobre cómo la escribió",
                ),
                true,
            ),
            (
                (
                    "Run it through a second detector",
                    "Pasarla por un segundo detector",
                ),
                false,
            ),
        ],
    },
    QuestionWords {
        prompt: (
            "Where do invented details appear most often?",
            "¿Dónde aparecen con más frecuencia los datos inventados?",
        ),
        multiple: true,
        options: &[
            (("Citations and links", "Citas y enlaces"), true),
            (("Dates and numbers", "Fechas y cifras"), true),
            (
                (
                    "A summary of a text you provided",
                    "Un resumen de un texto que usted aportó",
                ),
                false,
            ),
        ],
    },
    QuestionWords {
        prompt: (
            "What should a school AI policy name?",
            "¿Qué debería nombrar una política escolar de IA?",
        ),
        multiple: true,
        options: &[
            (("Approved tools", "Las herramientas aprobadas"), true),
            (("Allowed uses", "Los usos permitidos"), true),
            (
                (
                    "Each teacher's passwords",
                    "Las contraseñas de cada docente",
                ),
                false,
            ),
        ],
    },
    QuestionWords {
        prompt: (
            "A model rewrote a text at a simpler reading level. What do you check?",
            "Un modelo reescribió un texto en un nivel de lectura más sencillo. ¿Qué comprueba?",
        ),
        multiple: false,
        options: &[
            (
                (
                    "That the meaning is still right",
                    "Que el sentido sigue siendo correcto",
                ),
                true,
            ),
            (("That it is shorter", "Que es más corto"), false),
            (
                (
                    "Nothing: simpler is always better",
                    "Nada: más sencillo siempre es mejor",
                ),
                false,
            ),
        ],
    },
];
