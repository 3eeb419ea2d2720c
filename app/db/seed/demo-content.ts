// What the demo portal shows: the six initiatives presented with the Alliance for
// Multilateralism in 2019, the organisations around them, their meetings and one account per
// role. Facts come from public sources (see shared/seed/NOTES.md); every text is our own wording.
import type { actorCategoryEnum, affiliationRoleEnum, Axis, Theme, UserRole } from "../schema";

/** A state by its ISO 3166-1 alpha-3 code (upper case) or a demo organisation by its key (lower case). */
export type ActorRef = string;

export interface DemoOrganisation {
  key: string;
  kind: "international_organization" | "regional_organization" | "ngo" | "other";
  category?: (typeof actorCategoryEnum.enumValues)[number];
  name: string;
  shortName?: string;
  /** Headquarters country. */
  countryCode: string;
  website: string;
  description: string;
  status: "approved" | "pending";
}

export interface DemoInitiative {
  slug: string;
  title: string;
  summary: string;
  description: string;
  goals: string;
  axis: Axis;
  theme: Theme;
  status: "active" | "submitted" | "closed";
  joinPolicy: "open" | "approval";
  /** Null while the initiative is only proposed. */
  launchedOn: string | null;
  proposedBy: ActorRef;
  leads: ActorRef[];
  supporters: ActorRef[];
  /** Join requests still waiting for the leads' decision. */
  requested?: ActorRef[];
  withdrawn?: ActorRef[];
}

export interface DemoMeeting {
  initiative: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** IANA zone the meeting is held in (times above are UTC instants). */
  timeZone: string;
  place?: string;
  onlineUrl?: string;
  agenda: string;
}

export interface DemoUser {
  key: "admin" | "secretariat" | "reviewer" | "focalPoint" | "ngo" | "member";
  email: string;
  password: string;
  name: string;
  role: UserRole;
  locale: "en" | "fr" | "es";
  description: string;
  affiliation?: {
    actor: ActorRef;
    role: (typeof affiliationRoleEnum.enumValues)[number];
    status: "approved" | "pending";
    message?: string;
  };
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: "who",
    kind: "international_organization",
    name: "World Health Organization",
    shortName: "WHO",
    countryCode: "CHE",
    website: "https://www.who.int",
    description:
      "The United Nations agency for health. It sets international health standards, coordinates the response to epidemics and supports national health systems.",
    status: "approved",
  },
  {
    key: "unesco",
    kind: "international_organization",
    name: "United Nations Educational, Scientific and Cultural Organization",
    shortName: "UNESCO",
    countryCode: "FRA",
    website: "https://www.unesco.org",
    description:
      "The UN agency for education, science, culture and communication, including freedom of expression and the safety of journalists. Its International Institute for Educational Planning (IIEP) helps ministries plan their education systems.",
    status: "approved",
  },
  {
    key: "unicef",
    kind: "international_organization",
    name: "United Nations Children's Fund",
    shortName: "UNICEF",
    countryCode: "USA",
    website: "https://www.unicef.org",
    description:
      "The UN agency working for the rights and well-being of children, from health and nutrition to education and protection in emergencies.",
    status: "approved",
  },
  {
    key: "unwomen",
    kind: "international_organization",
    name: "United Nations Entity for Gender Equality and the Empowerment of Women",
    shortName: "UN Women",
    countryCode: "USA",
    website: "https://www.unwomen.org",
    description:
      "The UN entity dedicated to gender equality. It supports governments in setting and meeting standards and works with civil society on women's rights.",
    status: "approved",
  },
  {
    key: "unep",
    kind: "international_organization",
    name: "United Nations Environment Programme",
    shortName: "UNEP",
    countryCode: "KEN",
    website: "https://www.unep.org",
    description:
      "The UN's authority on the environment, based in Nairobi. It assesses environmental trends and helps countries act on climate, nature and pollution.",
    status: "approved",
  },
  {
    key: "ungei",
    kind: "international_organization",
    name: "United Nations Girls' Education Initiative",
    shortName: "UNGEI",
    countryCode: "USA",
    website: "https://www.ungei.org",
    description:
      "A partnership of UN agencies, governments and civil society, hosted within the UN system, that works for girls' education and gender equality in and through schooling.",
    status: "approved",
  },
  {
    key: "gpe",
    kind: "international_organization",
    name: "Global Partnership for Education",
    shortName: "GPE",
    countryCode: "USA",
    website: "https://www.globalpartnership.org",
    description:
      "A multilateral fund and partnership that helps lower-income countries strengthen their education systems, with a focus on the children furthest behind.",
    status: "approved",
  },
  {
    // The ICRC is a private association under Swiss law, but its mandate comes from the Geneva
    // Conventions and it has international legal personality and UN observer status, so it
    // sits with the international organisations rather than with NGOs.
    key: "icrc",
    kind: "international_organization",
    name: "International Committee of the Red Cross",
    shortName: "ICRC",
    countryCode: "CHE",
    website: "https://www.icrc.org",
    description:
      "An impartial humanitarian organisation that protects and assists people affected by armed conflict and acts as the guardian of international humanitarian law.",
    status: "approved",
  },
  {
    key: "eu",
    kind: "regional_organization",
    name: "European Union",
    shortName: "EU",
    countryCode: "BEL",
    website: "https://european-union.europa.eu",
    description:
      "A political and economic union of 27 European states, which speaks for its members in many multilateral negotiations.",
    status: "approved",
  },
  {
    key: "au",
    kind: "regional_organization",
    name: "African Union",
    shortName: "AU",
    countryCode: "ETH",
    website: "https://au.int",
    description:
      "The continental organisation of the 55 African states, headquartered in Addis Ababa, working for integration, peace and development across Africa.",
    status: "approved",
  },
  {
    key: "oas",
    kind: "regional_organization",
    name: "Organization of American States",
    shortName: "OAS",
    countryCode: "USA",
    website: "https://www.oas.org",
    description:
      "The regional organisation of the states of the Americas, working on democracy, human rights, security and development in the hemisphere.",
    status: "approved",
  },
  {
    key: "pif",
    kind: "regional_organization",
    name: "Pacific Islands Forum",
    shortName: "PIF",
    countryCode: "FJI",
    website: "https://www.forumsec.org",
    description:
      "The political grouping of Pacific island states and territories, for whom climate change is the region's single greatest security threat.",
    status: "approved",
  },
  {
    key: "rsf",
    kind: "ngo",
    name: "Reporters Without Borders",
    shortName: "RSF",
    countryCode: "FRA",
    website: "https://rsf.org",
    description:
      "An international NGO defending press freedom and the safety of journalists. It set up the commission whose work led to the International Partnership for Information and Democracy.",
    status: "approved",
  },
  {
    key: "forum-id",
    kind: "ngo",
    name: "Forum on Information and Democracy",
    countryCode: "FRA",
    website: "https://informationdemocracy.org",
    description:
      "A civil-society body created to put the principles of the International Partnership for Information and Democracy into practice, mainly through policy recommendations to governments.",
    status: "approved",
  },
  {
    key: "plan",
    kind: "ngo",
    name: "Plan International",
    countryCode: "GBR",
    website: "https://plan-international.org",
    description: "A development and humanitarian organisation working for children's rights and equality for girls in more than 80 countries.",
    status: "approved",
  },
  {
    key: "fawe",
    kind: "ngo",
    name: "Forum for African Women Educationalists",
    shortName: "FAWE",
    countryCode: "KEN",
    website: "https://fawe.org",
    description:
      "A pan-African network of women education leaders, with national chapters across the continent, that promotes gender-responsive education for girls and women.",
    status: "approved",
  },
  {
    key: "ancefa",
    kind: "ngo",
    name: "Africa Network Campaign on Education for All",
    shortName: "ANCEFA",
    countryCode: "SEN",
    website: "https://ancefa.org",
    description:
      "A network of national civil-society coalitions that campaign for free, quality public education in Africa and hold governments to their commitments.",
    status: "approved",
  },
  {
    key: "cyberpeace",
    kind: "ngo",
    name: "CyberPeace Institute",
    countryCode: "CHE",
    website: "https://cyberpeaceinstitute.org",
    description:
      "A Geneva-based NGO that helps vulnerable communities recover from cyberattacks and documents their human cost to inform policy.",
    status: "approved",
  },
  {
    key: "ug",
    kind: "other",
    category: "academia",
    name: "University of Ghana",
    countryCode: "GHA",
    website: "https://www.ug.edu.gh",
    description: "Ghana's oldest and largest public university, in Legon, Accra, with research centres on international affairs, law and education.",
    status: "approved",
  },
  {
    key: "microsoft",
    kind: "other",
    category: "private_sector",
    name: "Microsoft",
    countryCode: "USA",
    website: "https://www.microsoft.com",
    description: "A technology company whose software and cloud services run a large share of the world's public and private infrastructure.",
    status: "approved",
  },
  {
    key: "paris",
    kind: "other",
    category: "local_government",
    name: "City of Paris",
    countryCode: "FRA",
    website: "https://www.paris.fr",
    description: "The local government of the French capital, which hosted the launch of the Paris Call and protects the digital services its residents rely on.",
    status: "approved",
  },
  {
    key: "kofi-annan",
    kind: "other",
    category: "foundation",
    name: "Kofi Annan Foundation",
    countryCode: "CHE",
    website: "https://www.kofiannanfoundation.org",
    description:
      "A foundation that continues Kofi Annan's work for fair elections, peace and youth participation, including the protection of elections in the digital age.",
    status: "approved",
  },
  {
    // A fictional network: the secretariat's review queue needs a real-looking pending request.
    key: "youth-network",
    kind: "ngo",
    name: "Youth for Multilateral Action Network",
    shortName: "YMAN",
    countryCode: "KEN",
    website: "https://ymanetwork.example.org",
    description: "A young people's network that trains students to follow UN negotiations and take part in them.",
    status: "pending",
  },
];

const EU_MEMBERS = ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"];

export const DEMO_INITIATIVES: DemoInitiative[] = [
  {
    slug: "humanitarian-call-for-action",
    title: "Humanitarian Call for Action",
    summary:
      "A call by states to make the protection of humanitarian and medical workers a political priority. Signatories commit to respect and promote international humanitarian law and to turn that commitment into practical measures wherever there is armed conflict.",
    description:
      "Aid workers, doctors and nurses are attacked, detained or prevented from reaching people in need in conflicts around the world, and those responsible are seldom held to account. The Humanitarian Call for Action, presented with the Alliance for Multilateralism at the 2019 UN General Assembly, gathers the states that want to reverse this trend.\n\nIt does not create new rules. The Geneva Conventions and their Additional Protocols already protect humanitarian and health personnel; the difficulty is in applying them. Supporting states share national practices, take humanitarian space into account in their own military operations, sanctions regimes and counter-terrorism measures, and speak with one voice in multilateral bodies. By late 2021 about fifty states and the European Union had endorsed the Call.",
    goals:
      "Strengthen respect for international humanitarian law; make sure that sanctions and counter-terrorism rules leave room for principled humanitarian action; improve the collection of data on attacks against humanitarian and medical personnel; and support accountability for violations through national and international mechanisms.",
    axis: "international_law",
    theme: "humanitarian_law",
    status: "active",
    joinPolicy: "open",
    launchedOn: "2019-09-26",
    proposedBy: "FRA",
    leads: ["FRA", "DEU"],
    supporters: [...EU_MEMBERS, "NOR", "CHE", "ISL", "LIE", "GBR", "CAN", "CHL", "MEX", "PER", "COL", "CRI", "URY", "ARG", "GHA", "SEN", "CIV", "TUN", "JOR", "KOR", "JPN", "AUS", "NZL", "eu", "icrc", "who"],
  },
  {
    slug: "paris-call-for-trust-and-security-in-cyberspace",
    title: "Paris Call for Trust and Security in Cyberspace",
    summary:
      "A multi-stakeholder declaration, launched in Paris on 12 November 2018, that sets out nine principles for a secure and peaceful cyberspace. States, companies, civil-society organisations and local governments can all endorse it.",
    description:
      "The Paris Call starts from two convictions: international law, including the UN Charter, applies online, and no single actor can secure cyberspace alone. Its nine principles cover the protection of individuals and critical infrastructure, the integrity of the public core of the internet, the defence of elections against foreign interference, the protection of intellectual property, the non-proliferation of malicious tools, the security of digital products throughout their life cycle, basic cyber hygiene, a ban on private \"hack back\" operations, and the promotion of international norms of responsible behaviour.\n\nIts supporter base is unusually broad: around 1,200 endorsements, some 80 of them from states and the rest from companies, NGOs, universities and cities. Working groups of supporters turn the principles into practical guidance.",
    goals:
      "Bring more states and non-state actors to endorse the nine principles; feed them into the UN discussions on responsible state behaviour in cyberspace; and produce concrete tools, such as good practices for product security and for protecting elections, through supporter working groups.",
    axis: "new_governance",
    theme: "cyber",
    status: "active",
    joinPolicy: "open",
    launchedOn: "2018-11-12",
    proposedBy: "FRA",
    leads: ["FRA", "SGP"],
    supporters: ["DEU", "CAN", "CHL", "MEX", "GBR", "USA", "JPN", "KOR", "AUS", "NZL", "NLD", "BEL", "ESP", "ITA", "EST", "FIN", "DNK", "AUT", "CHE", "NOR", "COL", "SEN", "MAR", "KEN", "eu", "microsoft", "paris", "cyberpeace", "ug"],
    withdrawn: ["ARG"],
  },
  {
    slug: "international-partnership-for-information-and-democracy",
    title: "International Partnership for Information and Democracy",
    summary:
      "An intergovernmental commitment to protect free, pluralistic and reliable information as a common good. It builds on the work of an independent commission convened by Reporters Without Borders, and the Forum on Information and Democracy carries it forward.",
    description:
      "Democracy depends on citizens being able to find trustworthy information and to debate freely, yet the platforms that now organise much of public conversation were not designed with that aim. In 2018 Reporters Without Borders convened an independent commission of journalists, researchers and lawyers; its declaration on information and democracy became the basis of this Partnership, which states endorsed alongside the 2019 UN General Assembly.\n\nSignatory states commit to principles such as the freedom and independence of journalism, the transparency of platforms and the accountability of those who shape the information space. The Forum on Information and Democracy, a civil-society body, puts these principles into practice with policy recommendations, for example on the \"infodemic\" during the COVID-19 pandemic and on the governance of platforms. About fifty states had joined by 2022.",
    goals:
      "Recognise the global information and communication space as a common good; promote rules that make platforms transparent and accountable; protect journalists and the diversity of news media; and turn the Forum's recommendations into national policy.",
    axis: "new_governance",
    theme: "information_democracy",
    status: "active",
    joinPolicy: "approval",
    launchedOn: "2019-09-26",
    proposedBy: "FRA",
    leads: ["FRA", "CAN"],
    supporters: ["DEU", "CHL", "MEX", "GHA", "SEN", "TUN", "BFA", "CRI", "URY", "ARM", "GEO", "IND", "KOR", "AUS", "NZL", "NOR", "SWE", "DNK", "LVA", "LTU", "ITA", "GBR", "rsf", "forum-id", "unesco", "kofi-annan"],
    requested: ["MNG"],
  },
  {
    slug: "climate-and-security",
    title: "Climate and security",
    summary:
      "A joint position of the Group of Friends on Climate and Security, which Germany and Nauru have co-chaired since 2018. It asks the UN system to treat climate-related security risks as part of its core work on conflict prevention and peacebuilding.",
    description:
      "Rising seas, droughts and extreme weather put pressure on food, water and livelihoods; where institutions are fragile, that pressure can feed tension and conflict. For low-lying island states it threatens their very territory.\n\nThe Group of Friends on Climate and Security brings together UN member states from every region that want the Security Council, the Secretariat and the UN agencies to understand these risks and respond to them. Its joint position, presented with the Alliance for Multilateralism in 2019, calls for better risk assessment, regular reporting and more integrated action on the ground. The group had 48 members in 2019 and more than 60 by 2022.",
    goals:
      "Improve the UN's capacity to assess and report on climate-related security risks; take these risks into account in mission mandates, early warning and peacebuilding; and give the most exposed states, small island developing states first among them, a stronger voice in these discussions.",
    axis: "new_governance",
    theme: "climate_security",
    status: "active",
    joinPolicy: "approval",
    launchedOn: "2019-09-26",
    proposedBy: "DEU",
    leads: ["DEU", "NRU"],
    supporters: ["FRA", "CAN", "MEX", "CHL", "TUV", "MHL", "FJI", "MDV", "KIR", "PLW", "VUT", "WSM", "NER", "SEN", "BEL", "NLD", "SWE", "NOR", "IRL", "ITA", "JPN", "PER", "pif", "unep"],
  },
  {
    slug: "gender-at-the-centre",
    title: "Gender at the Centre Initiative",
    summary:
      "An initiative to put gender equality at the heart of education systems, launched at the G7 meeting of education and development ministers on 5 July 2019. UNGEI and UNESCO's International Institute for Educational Planning coordinate it with eight pilot countries in Africa.",
    description:
      "In many parts of sub-Saharan Africa girls remain less likely than boys to finish school, and crises such as conflict or the COVID-19 pandemic widen the gap. Gender at the Centre works on the systems behind those figures: education ministries in eight pilot countries (Burkina Faso, Chad, Mali, Mauritania, Mozambique, Niger, Nigeria and Sierra Leone) plan, budget and monitor with gender equality as a central aim.\n\nThe United Nations Girls' Education Initiative and IIEP-UNESCO coordinate the work with partners that include the Global Partnership for Education, UNICEF, Plan International, the Forum for African Women Educationalists and the Africa Network Campaign on Education for All. Because it changes the way existing institutions work rather than adding separate projects, it is the Alliance's example of the reform axis.",
    goals:
      "Build the capacity of education ministries to analyse gender disparities and act on them; make gender-responsive planning a standard part of national education sector plans; strengthen the partnership between governments and civil society, women's organisations in particular; and share what works between countries.",
    axis: "reform",
    theme: "gender",
    status: "active",
    joinPolicy: "approval",
    launchedOn: "2019-07-05",
    proposedBy: "CAN",
    leads: ["CAN", "GHA"],
    supporters: ["BFA", "TCD", "MLI", "MRT", "MOZ", "NER", "NGA", "SLE", "FRA", "GBR", "ITA", "JPN", "ungei", "unesco", "unicef", "gpe", "unwomen", "plan", "fawe", "ancefa", "au"],
  },
  {
    slug: "lethal-autonomous-weapons-systems",
    title: "Declaration on lethal autonomous weapons systems",
    summary:
      "A political declaration supporting the 11 guiding principles on lethal autonomous weapons systems agreed by the states parties to the UN Convention on Certain Conventional Weapons. It affirms that humans must remain responsible for decisions on the use of force.",
    description:
      "Progress in artificial intelligence and robotics makes it possible to build weapons that select and engage targets with little or no human intervention. The states parties to the Convention on Certain Conventional Weapons (CCW) have discussed such systems in Geneva since 2014, and by 2019 they had agreed on 11 guiding principles.\n\nThe principles state, among other things, that international humanitarian law applies fully to these weapons, that human responsibility for decisions on the use of weapons cannot be transferred to machines, and that new weapons must be reviewed for their legality. The declaration presented with the Alliance for Multilateralism in 2019 invites states to endorse the principles and to keep working within the CCW towards a normative and operational framework.",
    goals:
      "Widen political support for the 11 guiding principles; keep the CCW as the central forum for these negotiations; and work towards a normative and operational framework that keeps the use of autonomous weapons under human control and accountability.",
    axis: "international_law",
    theme: "disarmament",
    status: "active",
    joinPolicy: "open",
    launchedOn: "2019-09-26",
    proposedBy: "MEX",
    leads: ["MEX", "CHL"],
    supporters: ["FRA", "DEU", "CAN", "AUT", "BEL", "IRL", "NLD", "NOR", "CHE", "ESP", "PRT", "ITA", "LUX", "CRI", "PAN", "ECU", "PER", "BRA", "ARG", "NZL", "PHL", "LKA", "icrc"],
  },
  {
    slug: "joint-declaration-on-covid-19",
    title: "Joint declaration on COVID-19",
    summary:
      "A joint declaration by Alliance foreign ministers, adopted by video conference on 16 April 2020, calling for global solidarity and cooperation in the response to the COVID-19 pandemic. The declaration has been adopted and this coalition has completed its work.",
    description:
      "In the first months of the pandemic, ministers of the Alliance for Multilateralism met online to agree a common message: a global health crisis calls for a global, coordinated answer. Their declaration supported the World Health Organization, stressed the protection of the most vulnerable and of health workers, called for fair access to future vaccines and treatments, and warned against disinformation and against emergency measures that go beyond what the crisis requires. Later meetings on the global health architecture took the work forward in other settings.",
    goals: "Agree a shared message of cooperation and support for the multilateral health system at the start of the COVID-19 pandemic.",
    axis: "reform",
    theme: "health",
    status: "closed",
    joinPolicy: "open",
    launchedOn: "2020-04-16",
    proposedBy: "DEU",
    leads: ["DEU", "FRA"],
    supporters: ["CAN", "CHL", "GHA", "MEX", "SGP", "NOR", "SWE", "DNK", "NLD", "IRL", "ITA", "ESP", "JPN", "KOR", "AUS", "who", "eu"],
  },
  {
    slug: "protecting-journalists-in-armed-conflict",
    title: "Protecting journalists in armed conflict",
    summary:
      "A proposed coalition to improve the protection of journalists and media workers covering armed conflicts, by applying the existing rules of international humanitarian law more consistently.",
    description:
      "Journalists in war zones are civilians under international humanitarian law, yet many are killed, wounded or detained each year while reporting. This proposal would bring together states and organisations to share practices on the protection of media workers, support investigations when they are targeted, and raise the issue in the relevant UN bodies.",
    goals: "Fewer attacks on journalists in conflict zones, better documentation of those that happen, and more prosecutions of those responsible.",
    axis: "international_law",
    theme: "human_rights",
    status: "submitted",
    joinPolicy: "approval",
    launchedOn: null,
    proposedBy: "rsf",
    leads: ["rsf"],
    supporters: [],
  },
];

export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    initiative: "joint-declaration-on-covid-19",
    title: "Ministerial video conference on COVID-19",
    startsAt: "2020-04-16T13:00:00Z",
    endsAt: "2020-04-16T15:00:00Z",
    timeZone: "Europe/Paris",
    onlineUrl: "https://meet.example.org/alliance-covid-19",
    agenda: "Adoption of a joint declaration on global cooperation against the COVID-19 pandemic; support for the World Health Organization.",
  },
  {
    initiative: "international-partnership-for-information-and-democracy",
    title: "Global health architecture and the infodemic",
    startsAt: "2020-06-26T13:00:00Z",
    endsAt: "2020-06-26T15:30:00Z",
    timeZone: "Europe/Paris",
    onlineUrl: "https://meet.example.org/alliance-infodemic",
    agenda:
      "Exchange with the heads of WHO and UNESCO on strengthening the global health architecture and on countering false and misleading information during the pandemic.",
  },
  {
    initiative: "climate-and-security",
    title: "Ministerial meeting: climate, health, digital and equality",
    startsAt: "2020-09-25T14:00:00Z",
    endsAt: "2020-09-25T16:30:00Z",
    timeZone: "America/New_York",
    onlineUrl: "https://meet.example.org/alliance-ministerial-2020",
    agenda: "Alliance ministerial during the 75th UN General Assembly: progress on climate and security, global health, digital issues and gender equality.",
  },
  {
    initiative: "humanitarian-call-for-action",
    title: "Geneva meeting on humanitarian space",
    startsAt: "2021-02-24T09:00:00Z",
    endsAt: "2021-02-24T12:00:00Z",
    timeZone: "Europe/Zurich",
    place: "Geneva, Switzerland",
    agenda: "Protection of humanitarian and medical workers; humanitarian exemptions in sanctions regimes; next steps for supporting states.",
  },
  {
    initiative: "gender-at-the-centre",
    title: "Ministerial meeting on Our Common Agenda",
    startsAt: "2021-09-23T14:00:00Z",
    endsAt: "2021-09-23T17:00:00Z",
    timeZone: "America/New_York",
    place: "New York, United States",
    agenda:
      "More than seventy participants discuss the UN Secretary-General's report Our Common Agenda and how reformed, more inclusive institutions can deliver on gender equality and education.",
  },
  {
    initiative: "paris-call-for-trust-and-security-in-cyberspace",
    title: "Working group on the security of connected products",
    startsAt: "2027-01-19T14:00:00Z",
    endsAt: "2027-01-19T16:00:00Z",
    timeZone: "Europe/Paris",
    onlineUrl: "https://meet.example.org/paris-call-products",
    agenda: "Draft good practices for security updates across a product's life cycle; comments from company and civil-society supporters.",
  },
  {
    initiative: "gender-at-the-centre",
    title: "Annual partners' meeting",
    startsAt: "2027-03-09T08:30:00Z",
    endsAt: "2027-03-10T16:00:00Z",
    timeZone: "Africa/Dakar",
    place: "Dakar, Senegal",
    agenda: "Results from the eight pilot countries; gender-responsive budgeting; plans for the coming year.",
  },
  {
    initiative: "lethal-autonomous-weapons-systems",
    title: "Coordination ahead of the CCW group of governmental experts",
    startsAt: "2027-02-23T08:00:00Z",
    endsAt: "2027-02-23T10:00:00Z",
    timeZone: "Europe/Zurich",
    place: "Geneva, Switzerland",
    agenda: "Common positions on human control and legal reviews of new weapons before the next session of experts.",
  },
];

// Passwords pass the portal's own rules (12+ characters, not common, not containing the email).
export const DEMO_USERS: DemoUser[] = [
  {
    key: "admin",
    email: "admin@example.org",
    password: "Portal-Keeper-2026!",
    name: "Amara Diallo",
    role: "admin",
    locale: "en",
    description: "Administrator: everything the secretariat can do, plus granting staff roles",
  },
  {
    key: "secretariat",
    email: "secretariat@example.org",
    password: "Review-Desk-2026!",
    name: "Lukas Becker",
    role: "secretariat",
    locale: "en",
    description: "Secretariat: reviews actors, affiliations and initiatives",
  },
  {
    key: "reviewer",
    email: "reviewer@example.org",
    password: "Second-Reader-2026!",
    name: "Nadia Haddad",
    role: "secretariat",
    locale: "en",
    description: "Secretariat: a second reviewer, so two staff can work the queues side by side",
  },
  {
    key: "focalPoint",
    email: "focal.point@example.org",
    password: "Quai-Lead-2026!",
    name: "Claire Dubois",
    role: "member",
    locale: "fr",
    description: "Focal point for France (leads several initiatives)",
    affiliation: { actor: "FRA", role: "focal_point", status: "approved" },
  },
  {
    key: "ngo",
    email: "press.freedom@example.org",
    password: "Newsroom-Voice-2026!",
    name: "Sofía Ramírez",
    role: "member",
    locale: "es",
    description: "Representative of Reporters Without Borders (an NGO)",
    affiliation: { actor: "rsf", role: "delegate", status: "approved" },
  },
  {
    key: "member",
    email: "member@example.org",
    password: "Curious-Visitor-2026!",
    name: "Kwame Mensah",
    role: "member",
    locale: "en",
    description: "Verified member whose request to represent an organisation awaits review",
    affiliation: {
      actor: "youth-network",
      role: "focal_point",
      status: "pending",
      message: "I coordinate the network's UN programme and registered it here on its behalf.",
    },
  },
];
