// Given names and family names for customers, leads and staff: a mix that fits a company selling
// across North America and Europe.

export const FIRST_NAMES: string[] = (
  'Aaron|Abigail|Adrian|Aisha|Alan|Alejandro|Alicia|Amara|Amy|Ana|Andre|Andrea|Anika|Anthony|Ben|' +
  'Bianca|Brandon|Brian|Carla|Carlos|Caroline|Chen|Chloe|Chris|Claire|Colin|Craig|Dana|Daniel|' +
  'Darius|David|Deepa|Derek|Diana|Diego|Dmitri|Elena|Elif|Emily|Emma|Eric|Erik|Fatima|Felix|Fiona|' +
  'Gabriel|Grace|Greg|Hannah|Hans|Harper|Heather|Hiro|Ian|Ingrid|Isabel|Jacob|Jamal|James|Jana|' +
  'Jason|Javier|Jennifer|Jessica|Joanna|Jonas|Jorge|Julia|Karen|Karim|Katarina|Keith|Kenji|Kevin|' +
  'Laura|Lars|Leah|Lena|Liam|Linda|Lucas|Lucia|Luis|Maja|Marco|Maria|Mark|Martin|Maya|Megan|Mei|' +
  'Michael|Michelle|Miguel|Mohammed|Nadia|Natalie|Nathan|Neha|Nicole|Nils|Noah|Olivia|Omar|Owen|' +
  'Pablo|Patricia|Paul|Pedro|Peter|Priya|Rachel|Rafael|Rahul|Rebecca|Ricardo|Robert|Rosa|Ryan|' +
  'Samantha|Samuel|Sandra|Sanjay|Sara|Scott|Sean|Sofia|Sophie|Stefan|Steven|Susan|Tanya|Thomas|' +
  'Tim|Tomas|Tyler|Valentina|Vanessa|Victor|Vikram|Wei|William|Yara|Yusuf|Zoe'
).split('|')

export const LAST_NAMES: string[] = (
  'Abbott|Acosta|Adeyemi|Ahmed|Andersen|Arnold|Bailey|Barnes|Becker|Bennett|Bergstrom|Bishop|' +
  'Brennan|Brooks|Castillo|Chandra|Chang|Chavez|Cho|Clarke|Coleman|Costa|Cruz|Dalton|Das|Delgado|' +
  'Dietrich|Dubois|Dunn|Eriksen|Evans|Farrell|Fischer|Fleming|Flores|Foster|Fraser|Garcia|Gibson|' +
  'Gonzalez|Graham|Gupta|Hahn|Hamilton|Hansen|Harper|Hayes|Henderson|Herrera|Hoffmann|Holt|Hughes|' +
  'Iyer|Jansen|Jensen|Johansson|Kaur|Keller|Kennedy|Khan|Kim|Klein|Kowalski|Kruger|Larsen|Lawson|' +
  'Lee|Lindqvist|Lopez|Lundgren|MacDonald|Mahmoud|Marsh|Martens|Mendoza|Meyer|Mitchell|Moreau|' +
  "Morales|Murphy|Nakamura|Nguyen|Nielsen|Novak|O'Brien|Okafor|Olsen|Ortiz|Park|Patel|Pereira|" +
  'Peterson|Pham|Powell|Quinn|Ramirez|Rao|Reed|Reyes|Richter|Rivera|Robertson|Romero|Rossi|Russo|' +
  'Santos|Schmidt|Schneider|Schultz|Shah|Silva|Singh|Sorensen|Stewart|Sullivan|Suzuki|Tanaka|' +
  'Taylor|Thompson|Torres|Tran|Turner|Van Dijk|Vargas|Vasquez|Visser|Wagner|Walsh|Watson|Weber|' +
  'Webb|Wong|Wright|Yamamoto|Young|Zhang|Zimmerman'
).split('|')

/** customer-side job titles with the contact role they usually hold (1 decision maker, 2 employee, 3 influencer) */
export const JOB_TITLES: ReadonlyArray<readonly [string, 1 | 2 | 3, number]> = [
  ['Plant Manager', 1, 8],
  ['VP of Operations', 1, 6],
  ['Director of Maintenance', 1, 6],
  ['Chief Operating Officer', 1, 2],
  ['Director of Manufacturing Engineering', 1, 3],
  ['Head of Reliability', 1, 3],
  ['Procurement Manager', 1, 4],
  ['IT Director', 3, 3],
  ['Reliability Engineer', 3, 8],
  ['Maintenance Supervisor', 3, 7],
  ['Process Engineer', 3, 6],
  ['Controls Engineer', 3, 6],
  ['OT Security Lead', 3, 2],
  ['Data Analyst', 2, 3],
  ['Maintenance Technician', 2, 6],
  ['Instrumentation Technician', 2, 5],
  ['Operations Coordinator', 2, 3],
  ['Buyer', 2, 3],
  ['Facilities Manager', 3, 3],
  ['Energy Manager', 3, 2],
]

export const DEPARTMENTS: Record<string, string> = {
  'Plant Manager': 'Operations',
  'VP of Operations': 'Operations',
  'Director of Maintenance': 'Maintenance',
  'Chief Operating Officer': 'Executive',
  'Director of Manufacturing Engineering': 'Engineering',
  'Head of Reliability': 'Maintenance',
  'Procurement Manager': 'Procurement',
  'IT Director': 'IT',
  'Reliability Engineer': 'Maintenance',
  'Maintenance Supervisor': 'Maintenance',
  'Process Engineer': 'Engineering',
  'Controls Engineer': 'Engineering',
  'OT Security Lead': 'IT',
  'Data Analyst': 'Operations',
  'Maintenance Technician': 'Maintenance',
  'Instrumentation Technician': 'Maintenance',
  'Operations Coordinator': 'Operations',
  Buyer: 'Procurement',
  'Facilities Manager': 'Facilities',
  'Energy Manager': 'Facilities',
}
