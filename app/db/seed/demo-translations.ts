// The six initiatives presented with the Alliance for Multilateralism in 2019, in French and
// Spanish, as their leads would publish them: the demo shows pages fully translated, and every
// other initiative in its original language, marked as such.
import type { Locale } from "../schema";

export interface DemoTranslation {
  title: string;
  summary: string;
  description: string;
  goals: string;
}

export const DEMO_TRANSLATIONS: Record<string, Partial<Record<Locale, DemoTranslation>>> = {
  "humanitarian-call-for-action": {
    fr: {
      title: "Appel à l’action humanitaire",
      summary:
        "Un appel des États à faire de la protection des personnels humanitaires et médicaux une priorité politique. Les signataires s’engagent à respecter et à promouvoir le droit international humanitaire et à traduire cet engagement en mesures concrètes partout où sévit un conflit armé.",
      description:
        "Dans les conflits du monde entier, des travailleurs humanitaires, des médecins et des infirmiers sont attaqués, détenus ou empêchés d’atteindre les personnes dans le besoin, et les responsables sont rarement amenés à rendre des comptes. L’Appel à l’action humanitaire, présenté avec l’Alliance pour le multilatéralisme lors de l’Assemblée générale des Nations Unies de 2019, rassemble les États qui veulent inverser cette tendance.\n\nIl ne crée pas de règles nouvelles. Les Conventions de Genève et leurs Protocoles additionnels protègent déjà le personnel humanitaire et sanitaire ; la difficulté tient à leur application. Les États qui le soutiennent échangent leurs pratiques nationales, tiennent compte de l’espace humanitaire dans leurs propres opérations militaires, régimes de sanctions et mesures de lutte contre le terrorisme, et s’expriment d’une seule voix dans les enceintes multilatérales. Fin 2021, une cinquantaine d’États et l’Union européenne avaient souscrit à l’Appel.",
      goals:
        "Renforcer le respect du droit international humanitaire ; veiller à ce que les sanctions et les règles de lutte contre le terrorisme préservent l’action humanitaire fondée sur des principes ; améliorer la collecte de données sur les attaques contre le personnel humanitaire et médical ; et soutenir l’établissement des responsabilités pour les violations par des mécanismes nationaux et internationaux.",
    },
    es: {
      title: "Llamamiento a la Acción Humanitaria",
      summary:
        "Un llamamiento de los Estados para hacer de la protección del personal humanitario y sanitario una prioridad política. Los signatarios se comprometen a respetar y promover el derecho internacional humanitario y a traducir ese compromiso en medidas concretas allí donde haya un conflicto armado.",
      description:
        "En conflictos de todo el mundo, trabajadores humanitarios, médicos y personal de enfermería son atacados, detenidos o se les impide llegar a las personas necesitadas, y los responsables rara vez rinden cuentas. El Llamamiento a la Acción Humanitaria, presentado con la Alianza para el Multilateralismo en la Asamblea General de las Naciones Unidas de 2019, reúne a los Estados que desean invertir esta tendencia.\n\nNo crea normas nuevas. Los Convenios de Ginebra y sus Protocolos Adicionales ya protegen al personal humanitario y sanitario; la dificultad reside en su aplicación. Los Estados que lo apoyan intercambian prácticas nacionales, tienen en cuenta el espacio humanitario en sus propias operaciones militares, regímenes de sanciones y medidas de lucha contra el terrorismo, y se expresan con una sola voz en los foros multilaterales. A finales de 2021, unos cincuenta Estados y la Unión Europea habían suscrito el Llamamiento.",
      goals:
        "Reforzar el respeto del derecho internacional humanitario; velar por que las sanciones y las normas de lucha contra el terrorismo dejen margen a una acción humanitaria basada en principios; mejorar la recopilación de datos sobre los ataques contra el personal humanitario y sanitario; y apoyar la rendición de cuentas por las violaciones mediante mecanismos nacionales e internacionales.",
    },
  },
  "paris-call-for-trust-and-security-in-cyberspace": {
    fr: {
      title: "Appel de Paris pour la confiance et la sécurité dans le cyberespace",
      summary:
        "Une déclaration multipartite, lancée à Paris le 12 novembre 2018, qui énonce neuf principes pour un cyberespace sûr et pacifique. États, entreprises, organisations de la société civile et collectivités territoriales peuvent tous la soutenir.",
      description:
        "L’Appel de Paris part de deux convictions : le droit international, y compris la Charte des Nations Unies, s’applique en ligne, et aucun acteur ne peut à lui seul assurer la sécurité du cyberespace. Ses neuf principes portent sur la protection des personnes et des infrastructures critiques, l’intégrité du noyau public de l’internet, la défense des processus électoraux contre les ingérences étrangères, la protection de la propriété intellectuelle, la non-prolifération des outils malveillants, la sécurité des produits numériques tout au long de leur cycle de vie, l’hygiène informatique de base, l’interdiction des contre-attaques (« hack back ») menées par des acteurs privés et la promotion de normes internationales de comportement responsable.\n\nSa base de soutiens est d’une ampleur inhabituelle : quelque 1\u202f200 adhésions, dont environ 80 d’États, les autres émanant d’entreprises, d’ONG, d’universités et de villes. Des groupes de travail réunissant les soutiens traduisent les principes en orientations pratiques.",
      goals:
        "Amener davantage d’États et d’acteurs non étatiques à soutenir les neuf principes ; les faire valoir dans les discussions des Nations Unies sur le comportement responsable des États dans le cyberespace ; et produire, au sein de groupes de travail, des outils concrets tels que des bonnes pratiques pour la sécurité des produits et la protection des élections.",
    },
    es: {
      title: "Llamamiento de París para la Confianza y la Seguridad en el Ciberespacio",
      summary:
        "Una declaración de múltiples partes interesadas, presentada en París el 12 de noviembre de 2018, que enuncia nueve principios para un ciberespacio seguro y pacífico. Pueden suscribirla Estados, empresas, organizaciones de la sociedad civil y gobiernos locales.",
      description:
        "El Llamamiento de París parte de dos convicciones: el derecho internacional, incluida la Carta de las Naciones Unidas, se aplica en línea, y ningún actor puede garantizar por sí solo la seguridad del ciberespacio. Sus nueve principios abarcan la protección de las personas y de las infraestructuras críticas, la integridad del núcleo público de internet, la defensa de los procesos electorales frente a la injerencia extranjera, la protección de la propiedad intelectual, la no proliferación de herramientas maliciosas, la seguridad de los productos digitales a lo largo de su ciclo de vida, la higiene cibernética básica, la prohibición de los contraataques («hack back») por parte de actores privados y la promoción de normas internacionales de comportamiento responsable.\n\nSu base de apoyo es excepcionalmente amplia: unas 1200 adhesiones, de las cuales unas 80 proceden de Estados y las demás de empresas, ONG, universidades y ciudades. Grupos de trabajo integrados por los adherentes traducen los principios en orientaciones prácticas.",
      goals:
        "Lograr que más Estados y actores no estatales suscriban los nueve principios; incorporarlos a los debates de las Naciones Unidas sobre el comportamiento responsable de los Estados en el ciberespacio; y elaborar, en grupos de trabajo, herramientas concretas, como buenas prácticas para la seguridad de los productos y la protección de las elecciones.",
    },
  },
  "international-partnership-for-information-and-democracy": {
    fr: {
      title: "Partenariat international pour l’information et la démocratie",
      summary:
        "Un engagement intergouvernemental visant à protéger une information libre, pluraliste et fiable en tant que bien commun. Il s’appuie sur les travaux d’une commission indépendante réunie par Reporters sans frontières, et le Forum sur l’information et la démocratie en assure la mise en œuvre.",
      description:
        "La démocratie suppose que les citoyens puissent trouver une information digne de confiance et débattre librement ; or les plateformes qui organisent aujourd’hui une grande partie du débat public n’ont pas été conçues dans ce but. En 2018, Reporters sans frontières a réuni une commission indépendante de journalistes, de chercheurs et de juristes ; sa déclaration sur l’information et la démocratie est devenue le fondement de ce Partenariat, que des États ont approuvé en marge de l’Assemblée générale des Nations Unies de 2019.\n\nLes États signataires s’engagent à respecter des principes tels que la liberté et l’indépendance du journalisme, la transparence des plateformes et la responsabilité de ceux qui façonnent l’espace informationnel. Le Forum sur l’information et la démocratie, organisme de la société civile, met ces principes en pratique au moyen de recommandations, par exemple sur l’« infodémie » pendant la pandémie de COVID-19 et sur la gouvernance des plateformes. Une cinquantaine d’États l’avaient rejoint en 2022.",
      goals:
        "Reconnaître l’espace mondial de l’information et de la communication comme un bien commun ; promouvoir des règles qui rendent les plateformes transparentes et responsables ; protéger les journalistes et la diversité des médias d’information ; et traduire les recommandations du Forum en politiques nationales.",
    },
    es: {
      title: "Asociación Internacional para la Información y la Democracia",
      summary:
        "Un compromiso intergubernamental para proteger una información libre, plural y fiable como bien común. Se basa en la labor de una comisión independiente convocada por Reporteros sin Fronteras, y el Foro sobre Información y Democracia se encarga de llevarlo adelante.",
      description:
        "La democracia requiere que la ciudadanía pueda encontrar información fidedigna y debatir libremente; sin embargo, las plataformas que hoy organizan buena parte del debate público no se concibieron con ese fin. En 2018, Reporteros sin Fronteras convocó una comisión independiente de periodistas, investigadores y juristas; su declaración sobre la información y la democracia se convirtió en el fundamento de esta Asociación, que varios Estados respaldaron paralelamente a la Asamblea General de las Naciones Unidas de 2019.\n\nLos Estados signatarios se comprometen con principios como la libertad y la independencia del periodismo, la transparencia de las plataformas y la rendición de cuentas de quienes configuran el espacio informativo. El Foro sobre Información y Democracia, entidad de la sociedad civil, lleva estos principios a la práctica mediante recomendaciones, por ejemplo sobre la «infodemia» durante la pandemia de COVID-19 y sobre la gobernanza de las plataformas. En 2022 se habían adherido unos cincuenta Estados.",
      goals:
        "Reconocer el espacio mundial de la información y la comunicación como bien común; promover normas que hagan que las plataformas sean transparentes y rindan cuentas; proteger a los periodistas y la diversidad de los medios de comunicación; y trasladar las recomendaciones del Foro a las políticas nacionales.",
    },
  },
  "climate-and-security": {
    fr: {
      title: "Climat et sécurité",
      summary:
        "Une position commune du Groupe des amis sur le climat et la sécurité, que l’Allemagne et Nauru coprésident depuis 2018. Elle demande au système des Nations Unies de traiter les risques sécuritaires liés au climat comme une composante essentielle de son action en matière de prévention des conflits et de consolidation de la paix.",
      description:
        "L’élévation du niveau de la mer, les sécheresses et les phénomènes météorologiques extrêmes pèsent sur l’alimentation, l’eau et les moyens de subsistance ; là où les institutions sont fragiles, cette pression peut alimenter les tensions et les conflits. Pour les États insulaires de faible altitude, c’est leur territoire même qui est menacé.\n\nLe Groupe des amis sur le climat et la sécurité réunit des États Membres de l’Organisation des Nations Unies de toutes les régions qui souhaitent que le Conseil de sécurité, le Secrétariat et les organismes des Nations Unies comprennent ces risques et y répondent. Sa position commune, présentée avec l’Alliance pour le multilatéralisme en 2019, appelle à une meilleure évaluation des risques, à des rapports réguliers et à une action plus intégrée sur le terrain. Le Groupe comptait 48 membres en 2019 et plus de 60 en 2022.",
      goals:
        "Renforcer la capacité de l’Organisation des Nations Unies à évaluer les risques sécuritaires liés au climat et à en rendre compte ; prendre ces risques en considération dans les mandats des missions, l’alerte rapide et la consolidation de la paix ; et donner aux États les plus exposés, au premier rang desquels les petits États insulaires en développement, davantage de poids dans ces discussions.",
    },
    es: {
      title: "Clima y seguridad",
      summary:
        "Una posición común del Grupo de Amigos sobre el Clima y la Seguridad, copresidido por Alemania y Nauru desde 2018. Pide al sistema de las Naciones Unidas que considere los riesgos para la seguridad relacionados con el clima como parte esencial de su labor de prevención de conflictos y consolidación de la paz.",
      description:
        "La subida del nivel del mar, las sequías y los fenómenos meteorológicos extremos ejercen presión sobre la alimentación, el agua y los medios de vida; allí donde las instituciones son frágiles, esa presión puede alimentar tensiones y conflictos. Para los Estados insulares de baja altitud, lo que está en juego es su propio territorio.\n\nEl Grupo de Amigos sobre el Clima y la Seguridad reúne a Estados Miembros de las Naciones Unidas de todas las regiones que desean que el Consejo de Seguridad, la Secretaría y los organismos de las Naciones Unidas comprendan estos riesgos y respondan a ellos. Su posición común, presentada con la Alianza para el Multilateralismo en 2019, aboga por una mejor evaluación de los riesgos, la presentación periódica de informes y una acción más integrada sobre el terreno. El Grupo contaba con 48 miembros en 2019 y con más de 60 en 2022.",
      goals:
        "Mejorar la capacidad de las Naciones Unidas para evaluar los riesgos para la seguridad relacionados con el clima e informar sobre ellos; tener en cuenta estos riesgos en los mandatos de las misiones, la alerta temprana y la consolidación de la paz; y dar a los Estados más expuestos, en primer lugar a los pequeños Estados insulares en desarrollo, una voz más firme en estos debates.",
    },
  },
  "gender-at-the-centre": {
    fr: {
      title: "Initiative « Le genre au centre »",
      summary:
        "Une initiative visant à placer l’égalité des genres au cœur des systèmes éducatifs, lancée lors de la réunion des ministres de l’éducation et du développement du G7 le 5 juillet 2019. L’UNGEI et l’Institut international de planification de l’éducation de l’UNESCO la coordonnent avec huit pays pilotes en Afrique.",
      description:
        "Dans de nombreuses régions de l’Afrique subsaharienne, les filles restent moins susceptibles que les garçons d’achever leur scolarité, et les crises, qu’il s’agisse de conflits ou de la pandémie de COVID-19, creusent l’écart. « Le genre au centre » agit sur les systèmes qui sous-tendent ces chiffres : dans huit pays pilotes (Burkina Faso, Mali, Mauritanie, Mozambique, Niger, Nigéria, Sierra Leone et Tchad), les ministères de l’éducation planifient, budgétisent et assurent le suivi en faisant de l’égalité des genres un objectif central.\n\nL’Initiative des Nations Unies pour l’éducation des filles et l’IIPE-UNESCO coordonnent les travaux avec des partenaires parmi lesquels le Partenariat mondial pour l’éducation, l’UNICEF, Plan International, le Forum des éducatrices africaines et le Réseau africain de campagne sur l’éducation pour tous. Parce qu’elle transforme le fonctionnement des institutions existantes plutôt que d’y ajouter des projets distincts, elle illustre, au sein de l’Alliance, l’axe de la réforme.",
      goals:
        "Renforcer la capacité des ministères de l’éducation à analyser les disparités entre les genres et à y remédier ; faire de la planification tenant compte des questions de genre un élément ordinaire des plans sectoriels nationaux de l’éducation ; renforcer le partenariat entre les gouvernements et la société civile, en particulier les organisations de femmes ; et partager entre pays ce qui fonctionne.",
    },
    es: {
      title: "Iniciativa «El Género en el Centro»",
      summary:
        "Una iniciativa para situar la igualdad de género en el centro de los sistemas educativos, presentada en la reunión de ministros de Educación y Desarrollo del G7 el 5 de julio de 2019. La UNGEI y el Instituto Internacional de Planeamiento de la Educación de la UNESCO la coordinan con ocho países piloto de África.",
      description:
        "En muchas partes del África Subsahariana las niñas siguen teniendo menos probabilidades que los niños de terminar la escuela, y crisis como los conflictos o la pandemia de COVID-19 amplían la brecha. «El Género en el Centro» actúa sobre los sistemas que explican esas cifras: en ocho países piloto (Burkina Faso, Chad, Malí, Mauritania, Mozambique, Níger, Nigeria y Sierra Leona), los ministerios de educación planifican, presupuestan y supervisan con la igualdad de género como objetivo central.\n\nLa Iniciativa de las Naciones Unidas para la Educación de las Niñas y el IIPE-UNESCO coordinan la labor con asociados como la Alianza Mundial para la Educación, el UNICEF, Plan International, el Foro de Mujeres Africanas Especialistas en Pedagogía y la Red Africana de Campaña sobre Educación para Todos. Al transformar el funcionamiento de las instituciones existentes en lugar de añadir proyectos separados, constituye el ejemplo del eje de reforma dentro de la Alianza.",
      goals:
        "Reforzar la capacidad de los ministerios de educación para analizar las disparidades de género y actuar en consecuencia; hacer de la planificación con perspectiva de género un elemento habitual de los planes nacionales del sector educativo; estrechar la colaboración entre los gobiernos y la sociedad civil, en particular las organizaciones de mujeres; y compartir entre países lo que da resultado.",
    },
  },
  "lethal-autonomous-weapons-systems": {
    fr: {
      title: "Déclaration sur les systèmes d’armes létaux autonomes",
      summary:
        "Une déclaration politique à l’appui des 11 principes directeurs sur les systèmes d’armes létaux autonomes adoptés par les États parties à la Convention des Nations Unies sur certaines armes classiques. Elle affirme que les décisions relatives à l’emploi de la force doivent rester sous la responsabilité de l’être humain.",
      description:
        "Les progrès de l’intelligence artificielle et de la robotique permettent de concevoir des armes qui sélectionnent et attaquent des cibles avec peu ou pas d’intervention humaine. Les États parties à la Convention sur certaines armes classiques (CCAC) examinent ces systèmes à Genève depuis 2014 et étaient convenus, en 2019, de 11 principes directeurs.\n\nCes principes établissent notamment que le droit international humanitaire s’applique pleinement à ces armes, que la responsabilité humaine des décisions relatives à l’emploi des armes ne peut être transférée à des machines et que la licéité des nouvelles armes doit être examinée. La déclaration présentée avec l’Alliance pour le multilatéralisme en 2019 invite les États à souscrire à ces principes et à poursuivre, dans le cadre de la CCAC, les travaux en vue d’un cadre normatif et opérationnel.",
      goals:
        "Élargir le soutien politique aux 11 principes directeurs ; maintenir la CCAC comme enceinte centrale de ces négociations ; et œuvrer à un cadre normatif et opérationnel qui maintienne l’emploi des armes autonomes sous contrôle et sous responsabilité humains.",
    },
    es: {
      title: "Declaración sobre los sistemas de armas autónomos letales",
      summary:
        "Una declaración política en apoyo de los 11 principios rectores sobre los sistemas de armas autónomos letales acordados por los Estados partes en la Convención de las Naciones Unidas sobre Ciertas Armas Convencionales. Afirma que las decisiones sobre el uso de la fuerza deben seguir siendo responsabilidad del ser humano.",
      description:
        "Los avances de la inteligencia artificial y la robótica permiten fabricar armas que seleccionan y atacan objetivos con poca o ninguna intervención humana. Los Estados partes en la Convención sobre Ciertas Armas Convencionales (CCAC) examinan estos sistemas en Ginebra desde 2014 y en 2019 habían acordado 11 principios rectores.\n\nLos principios establecen, entre otras cosas, que el derecho internacional humanitario se aplica plenamente a estas armas, que la responsabilidad humana por las decisiones sobre el empleo de armas no puede transferirse a las máquinas y que debe examinarse la licitud de las nuevas armas. La declaración presentada con la Alianza para el Multilateralismo en 2019 invita a los Estados a suscribir los principios y a proseguir, en el marco de la CCAC, los trabajos hacia un marco normativo y operacional.",
      goals:
        "Ampliar el apoyo político a los 11 principios rectores; mantener la CCAC como foro central de estas negociaciones; y avanzar hacia un marco normativo y operacional que mantenga el empleo de las armas autónomas bajo control y responsabilidad humanos.",
    },
  },
};
