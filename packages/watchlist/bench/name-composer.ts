// Compositional name pools: surnames (and some given names) built the way the languages
// build them, so the evaluation set has the long tail of real populations, not 50 names.
import type { NameGroup } from './name-pools.ts';

const words = (s: string) => s.trim().split(/\s+/);
const stripMarks = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

function cross(a: string[], b: string[], glue = ''): string[] {
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + glue + y);
  return out;
}

/** Interleave so early (frequent) items mix every prefix, not only the first one. */
function interleave(xs: string[], stride: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < stride; k++)
    for (let i = k; i < xs.length; i += stride) out.push(xs[i] as string);
  return out;
}

const latinGroup = (canonical: string, variants: ((s: string) => string)[]): NameGroup => ({
  spellings: [...new Set([canonical, ...variants.map((v) => v(canonical))])],
});

export const TURKISH_SURNAMES: NameGroup[] = interleave(
  cross(
    words(`AK KARA YILDIZ DEMİR ÖZ KOÇ ER GÜL ŞEN AY TAŞ KAYA BOZ GÖK TÜRK KIZIL ALTIN DOĞAN ÇELİK YÜCE
      KILIÇ ARSLAN ATA BAŞ CAN DURU ERDEM GÜNEY KUT OĞUZ SARI TEKİN UYSAL YAVUZ ÇAM ÇİFT ÇOBAN DAĞ GÜNEŞ ULU`),
    words(
      `TÜRK DEMİR KAN SOY OĞLU ER BAŞ KURT ASLAN CAN DAĞ GÜN TAŞ KAYA ÇAY EL SU YOL ALP TEKİN ÖZ YÜREK BEY KOL PINAR`,
    ),
  ),
  25,
).map((s) => latinGroup(s, [stripMarks]));

export const TURKISH_GIVEN_EXTRA: NameGroup[] = words(`
  ABDULKADİR ADEM AHMET_CAN ALPER ARDA BARIŞ BATUHAN BERK CANER CENGİZ DENİZ DOĞUKAN EFE ENES ERAY
  EREN ERGÜN FERHAT FIRAT GÖKAY HAKAN HALUK İLKER İSA KAAN KADİR KORAY LEVENT METİN MUSA NECATİ
  ORHAN ÖZGÜR RIZA SEDAT SELİM SİNAN TAMER TANER TUNCAY UMUT YASİN YUNUS ZAFER`).map((s) =>
  latinGroup(s.replace(/_/g, ' '), [stripMarks]),
);

const persianVariants = [
  (s: string) => s.replace(/GH/g, 'Q'),
  (s: string) => s.replace(/OU/g, 'U').replace(/EI/g, 'EY'),
  (s: string) =>
    s
      .replace(/ZADEH$/, 'ZADE')
      .replace(/POUR$/, 'PUR')
      .replace(/EH$/, 'E'),
];

export const PERSIAN_SURNAMES: NameGroup[] = interleave(
  cross(
    words(`AHMAD HOSSEIN KARIM REZA JAFAR MOHAMMAD HASAN ALI ABBAS MAHMOUD AMIR TAHER NASER SADEGH KAZEM
      HASHEM GHASEM MOUSA YOUSEF ESMAEIL SOLEIMAN RAHIM NOUR ZAR AZIZ SALEH HEIDAR NAJAF TEHRAN SHIRAZ
      ESFAHAN TABRIZ YAZD KERMAN MASHHAD GHAZVIN RASHT ZANJAN HAMADAN KASHAN GILAN BEHESHT DARVISH
      SHAHR MOSTAFA BAGHER JAVAD MEHDI HAMID MAJID FARHAD BIJAN NADER MANSOUR SOHRAB ROSTAM KOUROSH
      DARIUSH GHOLAM AKBAR ASGHAR NASROLLAH HABIB`),
    words(`I IAN ZADEH POUR NEJAD FAR ABADI VAND NIA KHANI`),
  ),
  10,
).map((s) => latinGroup(s, persianVariants));

export const PERSIAN_GIVEN_EXTRA: NameGroup[] = words(`GHOLAMREZA ALIREZA HAMIDREZA MOHAMMADREZA
  ASGHAR AKBAR BAHRAM BIJAN DAVOUD EHSAN FARID GHOLAM HABIB HADI HESAM JAMSHID KAMBIZ KAVEH
  MAJID MANOUCHEHR MASOUD MORTEZA NADER NASROLLAH PEYMAN RAMIN SAMAN SOHRAB VAHID YOUSEF`).map(
  (s) => latinGroup(s, persianVariants),
);

export const RUSSIAN_SURNAMES: string[] = interleave(
  cross(
    words(`Берёз Бел Волк Ворон Голуб Гор Гром Дуб Жук Зайч Зим Камен Кедр Клён Кол Комар Кот Крас
      Лис Лес Луг Мед Мох Нов Орл Пес Рыб Сок Сосн Стар Сух Тих Чер Шум Ясн Бор Вишн Глух Дорож Ерш
      Журавл Зелен Клим Кругл Лебед Малин Мясн Овч Пахом Рудн Сад Свир Сем Снег Степ Тарас Устин Фил
      Хлеб Цвет Чайк Шевел Щег Юрк`),
    words(`ов ин ский енко юк ёв ников`),
  ),
  7,
);

const africanVariants = [
  (s: string) => s.replace(/OU/g, 'U'),
  (s: string) => s.replace(/E$/, 'EH'),
];

export const WEST_AFRICAN_SURNAMES: NameGroup[] = interleave(
  [
    ...cross(
      words(`ADE OLU OLA AKIN OGUN OYE IFE OLUWA BABA AYO FOLA ADEBAYO OMO ODU`),
      words(`WALE MOLA YEMI BAYO TUNDE SEGUN KUNLE DIPO BOLA FEMI LADE SOLA TOYE JOBI KOYA SANYA`),
    ),
    ...cross(
      words(`NWA OKO EZE CHI OBI UCHE NNA IKE`),
      words(`CHUKWU NKWO NNA EMEKA AFOR NDU KWE GWU ONYE DIBE`),
    ),
    ...words(`ABOAGYE ACHEAMPONG ADJEI AMPOFO ANSAH ASARE BONSU DARKO FRIMPONG GYAMFI KUFFOUR NKRUMAH
      OFORI OPOKU OSEI SARPONG TETTEH YEBOAH AGYEMAN ANTWI APPIAH ASAMOAH BAFFOE DONKOR KWARTENG
      BARRY CAMARA DIABATE DIAKITE DIAWARA DOUMBOUYA FADIGA GUEYE KABA KOUROUMA MAIGA NIANG SALL
      SECK SOUMARE TALL THIAM TOURAY WADE YATTARA ZONGO OUEDRAOGO KABORE SAWADOGO COMPAORE ILBOUDO`),
  ],
  16,
).map((s) => latinGroup(s, africanVariants));

export const WEST_AFRICAN_GIVEN_EXTRA: NameGroup[] = [
  ...cross(words(`OLU ADE OLA AYO IFE`), words(`WASEUN DAMOLA FEMI KEMI TOSIN SEGUN DAYO BUNMI`)),
  ...words(`ABDOU ALASSANE AMADOU BAKARY DAOUDA DJIBRIL HAMIDOU KALIFA MALICK OUMAR SALIF SOULEYMANE
    TIDIANE YAYA EKOW KWESI KOBINA YAW FIIFI EMMANUEL SAMUEL DANIEL JOSEPH PRECIOUS BLESSING`),
].map((s) => latinGroup(s, africanVariants));

const southAsianVariants = [
  (s: string) => s.replace(/EE/g, 'I').replace(/OO/g, 'U'),
  (s: string) => s.replace(/V/g, 'W'),
];

export const SOUTH_ASIAN_SURNAMES: NameGroup[] = interleave(
  [
    ...cross(
      words(
        `RAMA KRISHNA SUBRA VENKATA GOPALA NARAYANA SRINI BALA RAGHU SHIVA HARI MURALI CHANDRA SUNDARA RAJA`,
      ),
      words(`N SWAMY MURTHY RAMAN KRISHNAN NATHAN IAH APPA SEKAR LINGAM`),
    ),
    ...words(`AGARWAL AHUJA ARORA BAJAJ BHATIA CHADHA CHAWLA DHAWAN DUGGAL GARG GOEL GROVER JAIN KAPOOR KHANNA
      KOHLI MAHAJAN MALHOTRA MEHRA MEHTA NANDA OBEROI PURI SABHARWAL SAHNI SAXENA SEHGAL SETHI SINGHAL
      SONI TANDON TRIVEDI VERMA WADHWA AGGARWAL CHOPRA DEWAN KALRA KAUSHIK LUTHRA MITTAL NAGPAL
      DESAI PATIL KULKARNI DESHPANDE JADHAV PAWAR SHINDE GAIKWAD CHAVAN KADAM MORE SALUNKHE
      AWAN BHUTTO CHEEMA GONDAL JATOI KHOSA LEGHARI MAZARI NIAZI RANA TIWANA WARRAICH ABBASI DURRANI
      GILANI HASHMI JAFRI KAZMI NAQVI RIZVI ZAIDI BOKHARI SHAH SHERAZI HAQUE KABIR KARIM MAHMUD SARKAR`),
  ],
  10,
).map((s) => latinGroup(s, southAsianVariants));

export const SOUTH_ASIAN_GIVEN_EXTRA: NameGroup[] = [
  ...cross(
    words(`ABDUL MUHAMMAD`),
    words(`QADIR WAHAB GHANI MAJEED HAKEEM SAMAD SATTAR JABBAR LATIF HAMEED`),
    ' ',
  ),
  ...cross(words(`RAM SHYAM HARI SHIV DEV`), words(`KUMAR NATH PRASAD CHARAN LAL DAS`), ''),
  ...words(`AAKASH ABHISHEK ADITYA AJAY AKHIL ALOK AMAN ANAND ANKIT ANUJ ARUN ASHISH ATUL BHARAT CHETAN
    DINESH GAURAV HARISH HEMANT JATIN KARAN KUNAL LOKESH MANISH MOHIT NAVEEN NIKHIL NITIN PANKAJ
    PRADEEP RAJEEV RAKESH ROHIT SACHIN SANDEEP SHEKHAR SUMIT TARUN UDAY VARUN VINOD VISHAL YOGESH`),
].map((s) => latinGroup(s, southAsianVariants));

export const EUROPEAN_SURNAMES: NameGroup[] = interleave(
  [
    ...cross(
      words(
        `KOWAL NOWAK WIŚNI WÓJC KAMIŃ LEWAND ZIELIŃ SZYMAŃ DĄBROW KOZŁOW JANKOW MAZUR KRAWCZ PIOTROW GRABOW`,
      ),
      words(`SKI CZYK AK EWICZ`),
    ),
    ...cross(
      words(
        `ROSS BIANC FERR ROMAN COLOMB RICC MARIN GRECO BRUN GALL CONT MANCIN LOMBARD MORETT BARBER`,
      ),
      words(`I O ELLI ETTI ONE`),
    ),
    ...cross(
      words(`BERG HOF STEIN WALD FELD BACH BRUNN LIND ROSEN SCHÖN GRÜN WEISS`),
      words(`MANN ER HAUSER BERGER MÜLLER`),
    ),
    ...cross(words(`DU LA LE BEAU MONT FONT`), words(`PONT BOIS CHAMP MARAIS RIVIÈRE FORT`)),
  ],
  12,
).map((s) =>
  latinGroup(s, [stripMarks, (x) => stripMarks(x.replace(/Ü/g, 'UE').replace(/Ö/g, 'OE'))]),
);

export const GREEK_SURNAMES: string[] = cross(
  words(
    `Παπα Γεωργ Νικολ Δημητρ Κωνσταντ Αθανασ Χριστ Αντων Ιωανν Μιχαλ Σταυρ Πετρ Βασιλ Ευαγγελ Θεοδωρ Σπυρ Αναστασ Ηλι Παυλ Λαμπρ Καρ Μαυρ Κυριακ`,
  ),
  words(`όπουλος ίδης άκης ίου άτος έας`),
);

export const VIETNAMESE_GIVEN: NameGroup[] = cross(
  words(`VĂN THỊ ĐỨC MINH HỮU QUỐC XUÂN THANH NGỌC KIM HOÀNG CÔNG TRUNG BẢO GIA`),
  words(`AN BÌNH CƯỜNG DŨNG HẢI HÙNG KHÁNH LAN LINH MAI NAM PHƯƠNG QUANG SƠN TÂM THẢO TRANG TUẤN VY
    HIẾU HOA HUY KHOA LONG LỘC NHUNG PHÚC THẮNG THỦY TIẾN TÚ VIỆT YẾN ĐẠT ĐÔNG HẠNH HIỀN`),
  ' ',
).map((s) => latinGroup(s, [stripMarks]));
