/**
 * Local-looking names, companies, addresses, phone numbers and tax numbers for the four markets of
 * the demo company (Hungary, Romania, Bulgaria, Portugal). Bulgarian names are in Cyrillic, as
 * Bulgarian customers write them; their email addresses are transliterated.
 */
import type { Rng } from "./random";

export const countries = ["hu", "ro", "bg", "pt"] as const;
export type Country = (typeof countries)[number];

type CountryData = {
  female: string[];
  male: string[];
  lastNames: string[];
  /** Distinctive first words of company names (places, nature, family names). */
  companyWords: string[];
  /** What the company does, in the local language. */
  trades: string[];
  legalForms: string[];
  cities: { name: string; postcode: string }[];
  streets: string[];
};

const data: Record<Country, CountryData> = {
  hu: {
    female: ["Anna", "Eszter", "Katalin", "Zsófia", "Judit", "Réka", "Krisztina", "Andrea", "Ildikó", "Nóra", "Petra", "Dóra", "Viktória", "Erzsébet", "Ágnes", "Boglárka", "Henrietta", "Tímea", "Orsolya", "Melinda"],
    male: ["László", "Gábor", "Zoltán", "Péter", "Attila", "Tamás", "Balázs", "István", "Csaba", "Dávid", "Bence", "Norbert", "Gergely", "Ferenc", "Sándor", "Levente", "Ákos", "Márton", "Károly", "Tibor"],
    lastNames: ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Németh", "Farkas", "Balogh", "Papp", "Takács", "Juhász", "Lakatos", "Mészáros", "Oláh", "Simon", "Rácz", "Fekete", "Szilágyi", "Török", "Fehér", "Balázs", "Gál", "Kis", "Szűcs", "Kocsis", "Orsós", "Pintér", "Fodor", "Szalai", "Sipos", "Magyar", "Lukács", "Gulyás", "Biró", "Király", "Katona", "László"],
    companyWords: ["Duna", "Tisza", "Balaton", "Mátra", "Bükk", "Napfény", "Tölgyfa", "Aranykalász", "Pannon", "Alföld", "Hegyvidék", "Csillag", "Zöldmező", "Kék Madár", "Szivárvány", "Vértes", "Rába", "Bakony", "Hunyadi", "Rákóczi", "Kőszeg", "Pilis", "Zemplén", "Őrség"],
    trades: ["Építő", "Bútor", "Autószerviz", "Logisztika", "Pékség", "Informatika", "Nyomda", "Kertészet", "Villamossági", "Utazási Iroda", "Fogászat", "Vendéglátó", "Szállító", "Műanyag", "Festék", "Optika", "Könyvelő", "Ingatlan", "Állateledel", "Sportbolt"],
    legalForms: ["Kft.", "Kft.", "Kft.", "Bt.", "Zrt."],
    cities: [
      { name: "Budapest", postcode: "1117" },
      { name: "Budapest", postcode: "1054" },
      { name: "Budapest", postcode: "1138" },
      { name: "Debrecen", postcode: "4024" },
      { name: "Szeged", postcode: "6720" },
      { name: "Pécs", postcode: "7621" },
      { name: "Győr", postcode: "9021" },
      { name: "Miskolc", postcode: "3525" },
      { name: "Kecskemét", postcode: "6000" },
      { name: "Székesfehérvár", postcode: "8000" },
      { name: "Eger", postcode: "3300" },
      { name: "Sopron", postcode: "9400" },
    ],
    streets: ["Kossuth Lajos utca", "Petőfi Sándor utca", "Rákóczi út", "Ady Endre utca", "Fő utca", "Széchenyi tér", "Bartók Béla út", "Váci út", "Dózsa György út", "Arany János utca"],
  },
  ro: {
    female: ["Maria", "Elena", "Ioana", "Andreea", "Alexandra", "Cristina", "Mihaela", "Raluca", "Gabriela", "Diana", "Bianca", "Roxana", "Simona", "Larisa", "Adriana", "Oana", "Irina", "Camelia"],
    male: ["Andrei", "Alexandru", "Mihai", "Ion", "Cristian", "Florin", "Ionuț", "Gabriel", "Adrian", "Bogdan", "Răzvan", "Vlad", "Ștefan", "Marius", "Cătălin", "Daniel", "Sorin", "Dragoș"],
    lastNames: ["Popescu", "Ionescu", "Popa", "Pop", "Radu", "Dumitru", "Stoica", "Stan", "Munteanu", "Constantin", "Dinu", "Gheorghe", "Matei", "Ciobanu", "Marin", "Rusu", "Lungu", "Moldovan", "Dobre", "Barbu", "Nistor", "Florea", "Tudor", "Ene", "Sârbu", "Vasile", "Mocanu", "Cristea", "Toma", "Preda"],
    companyWords: ["Carpați", "Dunărea", "Transilvania", "Olt", "Mureș", "Bucegi", "Delta", "Someș", "Argeș", "Siret", "Ceahlău", "Retezat", "Făget", "Stejarul", "Soarele", "Vulturul", "Dacia", "Maramureș"],
    trades: ["Construct", "Trans", "Distribuție", "Mobila", "Panificație", "Soft", "Print", "Agro", "Electric", "Turism", "Dental", "Impex", "Logistic", "Consulting", "Auto", "Farm", "Imobiliare", "Design"],
    legalForms: ["SRL", "SRL", "SRL", "SA", "SRL-D"],
    cities: [
      { name: "București", postcode: "010011" },
      { name: "București", postcode: "030167" },
      { name: "Cluj-Napoca", postcode: "400001" },
      { name: "Timișoara", postcode: "300001" },
      { name: "Iași", postcode: "700001" },
      { name: "Brașov", postcode: "500001" },
      { name: "Constanța", postcode: "900001" },
      { name: "Oradea", postcode: "410001" },
      { name: "Sibiu", postcode: "550001" },
      { name: "Craiova", postcode: "200001" },
    ],
    streets: ["Strada Mihai Eminescu", "Bulevardul Unirii", "Strada Avram Iancu", "Calea Victoriei", "Strada Republicii", "Bulevardul Independenței", "Strada Florilor", "Strada Libertății"],
  },
  bg: {
    female: ["Мария", "Иванка", "Елена", "Йорданка", "Пенка", "Десислава", "Гергана", "Виктория", "Николета", "Радостина", "Цветелина", "Силвия", "Теодора", "Даниела", "Антония", "Милена"],
    male: ["Георги", "Иван", "Димитър", "Николай", "Петър", "Христо", "Стоян", "Тодор", "Васил", "Александър", "Стефан", "Калоян", "Мартин", "Борислав", "Пламен", "Валентин"],
    lastNames: ["Иванов", "Георгиев", "Димитров", "Петров", "Николов", "Христов", "Стоянов", "Тодоров", "Илиев", "Василев", "Атанасов", "Петков", "Ангелов", "Колев", "Йорданов", "Маринов", "Попов", "Стефанов", "Михайлов", "Костов", "Янков", "Добрев"],
    companyWords: ["Балкан", "Родопи", "Пирин", "Витоша", "Странджа", "Тракия", "Дунав", "Марица", "Янтра", "Орфей", "Слънце", "Евро", "Мираж", "Стара планина", "Черноморец", "Хемус"],
    trades: ["Строй", "Транс", "Трейд", "Мебел", "Хлебозавод", "Софт", "Принт", "Агро", "Електро", "Турс", "Дентал", "Логистик", "Консулт", "Ауто", "Фарма", "Имоти"],
    legalForms: ["ЕООД", "ЕООД", "ООД", "АД", "ЕТ"],
    cities: [
      { name: "София", postcode: "1000" },
      { name: "София", postcode: "1407" },
      { name: "Пловдив", postcode: "4000" },
      { name: "Варна", postcode: "9000" },
      { name: "Бургас", postcode: "8000" },
      { name: "Русе", postcode: "7000" },
      { name: "Стара Загора", postcode: "6000" },
      { name: "Плевен", postcode: "5800" },
      { name: "Велико Търново", postcode: "5000" },
    ],
    streets: ["ул. Граф Игнатиев", "бул. Витоша", "ул. Раковски", "бул. Цар Освободител", "ул. Шипка", "бул. България", "ул. Васил Левски", "ул. Христо Ботев"],
  },
  pt: {
    female: ["Maria", "Ana", "Beatriz", "Inês", "Mariana", "Joana", "Sofia", "Rita", "Catarina", "Carolina", "Marta", "Patrícia", "Leonor", "Filipa", "Teresa", "Sara"],
    male: ["João", "José", "António", "Francisco", "Pedro", "Tiago", "Rui", "Miguel", "Luís", "Nuno", "Ricardo", "Diogo", "Bruno", "Paulo", "Gonçalo", "Rodrigo"],
    lastNames: ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves", "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira", "Correia"],
    companyWords: ["Atlântico", "Tejo", "Douro", "Minho", "Algarve", "Sol Nascente", "Lusitânia", "Estrela", "Mondego", "Alentejo", "Sado", "Ribatejo", "Barlavento", "Azul Mar"],
    trades: ["Construções", "Transportes", "Distribuição", "Mobiliário", "Padaria", "Informática", "Gráfica", "Agrícola", "Eletricidade", "Viagens", "Clínica Dentária", "Logística", "Consultoria", "Automóveis", "Imobiliária"],
    legalForms: ["Lda.", "Lda.", "Lda.", "S.A.", "Unipessoal Lda."],
    cities: [
      { name: "Lisboa", postcode: "1000-001" },
      { name: "Lisboa", postcode: "1250-096" },
      { name: "Porto", postcode: "4000-322" },
      { name: "Braga", postcode: "4700-035" },
      { name: "Coimbra", postcode: "3000-150" },
      { name: "Faro", postcode: "8000-138" },
      { name: "Aveiro", postcode: "3800-200" },
      { name: "Setúbal", postcode: "2900-071" },
    ],
    streets: ["Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina", "Rua do Comércio", "Avenida da República", "Rua Direita", "Praça do Município", "Rua das Flores"],
  },
};

const cyrillic: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p",
  р: "r", с: "s", т: "t", у: "u", ф: "f", х: "h", ц: "ts", ч: "ch", ш: "sh", щ: "sht", ъ: "a", ь: "y", ю: "yu", я: "ya",
};

/** "Kovács Anna" → "kovacs-anna", "Балкан" → "balkan": for email local parts and domains. */
export function slug(text: string, separator = ""): string {
  const latin = [...text.toLowerCase()].map((ch) => cyrillic[ch] ?? ch).join("");
  const words = latin
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return words ? words.split(" ").join(separator) : "";
}

export type PersonName = { firstName: string; lastName: string; female: boolean };

export function personName(country: Country, rng: Rng): PersonName {
  const d = data[country];
  const female = rng.chance(0.5);
  const firstName = rng.pick(female ? d.female : d.male);
  let lastName = rng.pick(d.lastNames);
  // Bulgarian surnames take a feminine ending: Иванов → Иванова.
  if (country === "bg" && female) lastName += "а";
  // Many Portuguese carry two surnames.
  if (country === "pt" && rng.chance(0.4)) lastName = `${rng.pick(d.lastNames)} ${lastName}`;
  return { firstName, lastName, female };
}

export function companyName(country: Country, rng: Rng): string {
  const d = data[country];
  const form = rng.pick(d.legalForms);
  const word = rng.chance(0.3) ? rng.pick(d.lastNames) : rng.pick(d.companyWords);
  const trade = rng.pick(d.trades);
  switch (country) {
    case "hu":
      return rng.chance(0.12) ? `${rng.pick(d.lastNames)} és Társa ${form}` : `${word} ${trade} ${form}`;
    case "ro":
      return `${word} ${trade} ${form}`;
    case "bg":
      return `${form === "ЕТ" ? "ЕТ " : ""}„${word} ${trade}“${form === "ЕТ" ? "" : ` ${form}`}`;
    case "pt":
      return rng.chance(0.15) ? `${rng.pick(d.lastNames)} & Filhos, ${form}` : `${word} ${trade}, ${form}`;
  }
}

/** The name of a company without its legal form, for a domain: "Duna Építő Kft." → "dunaepito". */
export function companyDomain(name: string, country: Country): string {
  const forms = data[country].legalForms.map((f) => f.toLowerCase());
  const words = name
    .replace(/[„“"]/g, "")
    .split(/[\s,]+/)
    .filter((w) => w && !forms.includes(w.toLowerCase()) && !["és", "társa", "&", "filhos", "ет"].includes(w.toLowerCase()));
  // .example is reserved (RFC 2606): demo addresses can never reach a real inbox.
  return `${slug(words.join(" ")).slice(0, 30) || "ceg"}.${country}.example`;
}

/** A phone number in the country's usual written format. */
export function phoneNumber(country: Country, rng: Rng, mobile = rng.chance(0.7)): string {
  switch (country) {
    case "hu":
      return mobile ? `+36 ${rng.pick(["20", "30", "70"])} ${rng.digits(3)} ${rng.digits(4)}` : `+36 1 ${rng.digits(3)} ${rng.digits(4)}`;
    case "ro":
      return mobile ? `+40 7${rng.int(20, 79)} ${rng.digits(3)} ${rng.digits(3)}` : `+40 21 ${rng.digits(3)} ${rng.digits(4)}`;
    case "bg":
      return mobile ? `+359 8${rng.pick(["7", "8", "9"])} ${rng.digits(3)} ${rng.digits(4)}` : `+359 2 ${rng.digits(3)} ${rng.digits(4)}`;
    case "pt":
      return mobile ? `+351 9${rng.pick(["1", "2", "3", "6"])}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(3)}` : `+351 21 ${rng.digits(3)} ${rng.digits(4)}`;
  }
}

export function taxNumber(country: Country, rng: Rng): string {
  switch (country) {
    case "hu":
      return `${rng.digits(8)}-${rng.int(1, 5)}-${String(rng.int(2, 44)).padStart(2, "0")}`;
    case "ro":
      return `RO${rng.int(1, 4)}${rng.digits(7)}`;
    case "bg":
      return `BG${rng.int(1, 2)}${rng.digits(8)}`;
    case "pt":
      return `PT5${rng.digits(8)}`;
  }
}

export function address(country: Country, rng: Rng): string {
  const d = data[country];
  const city = rng.pick(d.cities);
  const street = rng.pick(d.streets);
  const number = rng.int(1, 120);
  switch (country) {
    case "hu":
      return `${city.postcode} ${city.name}, ${street} ${number}.`;
    case "ro":
      return `${street} nr. ${number}, ${city.postcode} ${city.name}`;
    case "bg":
      return `${city.postcode} ${city.name}, ${street} № ${number}`;
    case "pt":
      return `${street}, ${number}, ${city.postcode} ${city.name}`;
  }
}
