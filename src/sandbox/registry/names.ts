/**
 * Name material for the seeded population registry. Uzbek names in Latin script with both
 * patronymic forms in use (Russian-style `-ovich`/`-ovna`, Uzbek-style `o‘g‘li`/`qizi`), plus a few
 * Russian names, as found in real Uzbek registries.
 */
export const MALE_FIRST = [
  'Alisher',
  'Bobur',
  'Jasur',
  'Sardor',
  'Rustam',
  'Otabek',
  'Sherzod',
  'Ulug‘bek',
  'Farrux',
  'Akmal',
  'Doniyor',
  'Javlon',
  'Islom',
  'Temur',
  'Sanjar',
  'Azizbek',
  'Nodir',
  'Shoxrux',
  'Bekzod',
  'Eldor',
];
export const FEMALE_FIRST = [
  'Dilnoza',
  'Gulnora',
  'Nilufar',
  'Madina',
  'Shahnoza',
  'Zarina',
  'Malika',
  'Feruza',
  'Nodira',
  'Sevara',
  'Kamola',
  'Dildora',
  'Muxlisa',
  'Gulchehra',
  'Saida',
  'Barno',
  'Munisa',
  'Laylo',
  'Yulduz',
  'Ozoda',
];
/** Surname stems; the male form adds `-ov`/`-ev`, the female `-ova`/`-eva`. */
export const SURNAME_STEMS = [
  'Karim',
  'Rahim',
  'Yusup',
  'Tursun',
  'Abdullay',
  'Xolmat',
  'Ergash',
  'Mirzay',
  'Nazar',
  'Sodiq',
  'Qodir',
  'Usmon',
  'Raxmon',
  'Ismoil',
  'Hamid',
  'Jo‘ray',
  'Sultan',
  'Aliy',
  'Valiy',
  'Sharip',
];
/** Fathers' names from which patronymics are built. */
export const FATHER_NAMES = [
  'Akbar',
  'Bahodir',
  'Karim',
  'Rustam',
  'Shavkat',
  'Anvar',
  'Ravshan',
  'Umid',
  'Xurshid',
  'Zafar',
];

export const RUSSIAN_PEOPLE = [
  { first: 'Sergey', surname: 'Ivanov', patronymic: 'Petrovich', sex: 'M' },
  { first: 'Yelena', surname: 'Smirnova', patronymic: 'Viktorovna', sex: 'F' },
  { first: 'Dmitriy', surname: 'Kuznetsov', patronymic: 'Aleksandrovich', sex: 'M' },
  { first: 'Olga', surname: 'Popova', patronymic: 'Nikolayevna', sex: 'F' },
] as const;

export const FOREIGN_PEOPLE = [
  {
    first: 'Nurlan',
    surname: 'Abenov',
    patronymic: 'Serikovich',
    sex: 'M',
    country: 'Qozog‘iston',
    nat: 'qozoq',
  },
  { first: 'Aigerim', surname: 'Tokayeva', patronymic: null, sex: 'F', country: 'Qozog‘iston', nat: 'qozoq' },
  {
    first: 'Azamat',
    surname: 'Usenov',
    patronymic: 'Bakytovich',
    sex: 'M',
    country: 'Qirg‘iziston',
    nat: 'qirg‘iz',
  },
  { first: 'Mehmet', surname: 'Yilmaz', patronymic: null, sex: 'M', country: 'Turkiya', nat: 'turk' },
  { first: 'Andrey', surname: 'Sokolov', patronymic: 'Igorevich', sex: 'M', country: 'Rossiya', nat: 'rus' },
] as const;

export const STATELESS_PEOPLE = [
  { first: 'Rashid', surname: 'Gafurov', patronymic: 'Salimovich', sex: 'M' },
  { first: 'Zuhra', surname: 'Nabiyeva', patronymic: 'Karimovna', sex: 'F' },
  { first: 'Timur', surname: 'Saidov', patronymic: null, sex: 'M' },
] as const;

export const REGIONS = [
  {
    name: 'Toshkent shahri',
    districts: ['Chilonzor', 'Yunusobod', 'Mirzo Ulug‘bek', 'Yakkasaroy', 'Shayxontohur'],
  },
  { name: 'Samarqand viloyati', districts: ['Samarqand shahri', 'Urgut', 'Pastdarg‘om'] },
  { name: 'Buxoro viloyati', districts: ['Buxoro shahri', 'G‘ijduvon', 'Kogon'] },
  { name: 'Farg‘ona viloyati', districts: ['Farg‘ona shahri', 'Marg‘ilon', 'Qo‘qon'] },
  { name: 'Andijon viloyati', districts: ['Andijon shahri', 'Asaka', 'Shahrixon'] },
  { name: 'Namangan viloyati', districts: ['Namangan shahri', 'Chust', 'Pop'] },
  { name: 'Qashqadaryo viloyati', districts: ['Qarshi', 'Shahrisabz', 'Kitob'] },
  { name: 'Xorazm viloyati', districts: ['Urganch', 'Xiva', 'Hazorasp'] },
  { name: 'Qoraqalpog‘iston Respublikasi', districts: ['Nukus', 'Xo‘jayli', 'Beruniy'] },
  { name: 'Toshkent viloyati', districts: ['Chirchiq', 'Olmaliq', 'Angren'] },
];

export const STREETS = [
  'Amir Temur',
  'Navoiy',
  'Bobur',
  'Mustaqillik',
  'Bunyodkor',
  'Islom Karimov',
  'Beruniy',
  'Yangi hayot',
];

export const COMPANY_WORDS = [
  'Samarqand Tekstil',
  'Buxoro Savdo',
  'Toshkent Qurilish',
  'Farg‘ona Agro',
  'Andijon Avto',
  'Navoiy Kon',
  'Xorazm Meva',
  'Orient Logistika',
  'Ipak Yo‘li Servis',
  'Zarafshon Invest',
  'Sirdaryo Energiya',
  'Chorvoq Turizm',
  'Qizilqum Sement',
  'Registon Soft',
  'Oltin Vodiy',
  'Nukus Baliq',
  'Turon Print',
  'Mehr Farm',
  'Yashil Dala',
  'Bunyod Mebel',
  'Silk Road Tech',
  'Afrosiyob Media',
  'Shosh Bank Xizmat',
  'Termiz Port',
];
export const COMPANY_FORMS = ['MChJ', 'AJ', 'XK', 'QK'];
