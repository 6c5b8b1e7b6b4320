// Where customers are and what they are called. Company names are built from invented roots and
// industry words; cities are real places weighted toward the seller's main markets.

export interface City {
  city: string
  state: string
  country: string
  postal: string
  /** phone prefix including country and area code */
  phone: string
  weight: number
}

export const CITIES: City[] = [
  { city: 'Chicago', state: 'IL', country: 'United States', postal: '606', phone: '+1 312', weight: 6 },
  { city: 'Houston', state: 'TX', country: 'United States', postal: '770', phone: '+1 713', weight: 6 },
  { city: 'Detroit', state: 'MI', country: 'United States', postal: '482', phone: '+1 313', weight: 4 },
  { city: 'Cleveland', state: 'OH', country: 'United States', postal: '441', phone: '+1 216', weight: 3 },
  { city: 'Pittsburgh', state: 'PA', country: 'United States', postal: '152', phone: '+1 412', weight: 3 },
  { city: 'Milwaukee', state: 'WI', country: 'United States', postal: '532', phone: '+1 414', weight: 3 },
  { city: 'Charlotte', state: 'NC', country: 'United States', postal: '282', phone: '+1 704', weight: 3 },
  { city: 'Atlanta', state: 'GA', country: 'United States', postal: '303', phone: '+1 404', weight: 3 },
  { city: 'Tulsa', state: 'OK', country: 'United States', postal: '741', phone: '+1 918', weight: 2 },
  { city: 'Baton Rouge', state: 'LA', country: 'United States', postal: '708', phone: '+1 225', weight: 2 },
  { city: 'Minneapolis', state: 'MN', country: 'United States', postal: '554', phone: '+1 612', weight: 3 },
  { city: 'Indianapolis', state: 'IN', country: 'United States', postal: '462', phone: '+1 317', weight: 2 },
  { city: 'Seattle', state: 'WA', country: 'United States', postal: '981', phone: '+1 206', weight: 2 },
  { city: 'Portland', state: 'OR', country: 'United States', postal: '972', phone: '+1 503', weight: 2 },
  { city: 'Denver', state: 'CO', country: 'United States', postal: '802', phone: '+1 303', weight: 2 },
  { city: 'Phoenix', state: 'AZ', country: 'United States', postal: '850', phone: '+1 602', weight: 2 },
  { city: 'Sacramento', state: 'CA', country: 'United States', postal: '958', phone: '+1 916', weight: 2 },
  { city: 'Fresno', state: 'CA', country: 'United States', postal: '937', phone: '+1 559', weight: 1 },
  { city: 'Memphis', state: 'TN', country: 'United States', postal: '381', phone: '+1 901', weight: 2 },
  { city: 'Greenville', state: 'SC', country: 'United States', postal: '296', phone: '+1 864', weight: 2 },
  { city: 'Omaha', state: 'NE', country: 'United States', postal: '681', phone: '+1 402', weight: 1 },
  { city: 'Toronto', state: 'ON', country: 'Canada', postal: 'M5V', phone: '+1 416', weight: 3 },
  { city: 'Hamilton', state: 'ON', country: 'Canada', postal: 'L8P', phone: '+1 905', weight: 1 },
  { city: 'Calgary', state: 'AB', country: 'Canada', postal: 'T2P', phone: '+1 403', weight: 2 },
  { city: 'Montreal', state: 'QC', country: 'Canada', postal: 'H3B', phone: '+1 514', weight: 2 },
  { city: 'Monterrey', state: 'NL', country: 'Mexico', postal: '640', phone: '+52 81', weight: 2 },
  { city: 'Birmingham', state: 'West Midlands', country: 'United Kingdom', postal: 'B1', phone: '+44 121', weight: 2 },
  {
    city: 'Manchester',
    state: 'Greater Manchester',
    country: 'United Kingdom',
    postal: 'M1',
    phone: '+44 161',
    weight: 2,
  },
  { city: 'Aberdeen', state: 'Scotland', country: 'United Kingdom', postal: 'AB10', phone: '+44 1224', weight: 1 },
  { city: 'Stuttgart', state: 'Baden-Württemberg', country: 'Germany', postal: '70', phone: '+49 711', weight: 2 },
  { city: 'Duisburg', state: 'North Rhine-Westphalia', country: 'Germany', postal: '47', phone: '+49 203', weight: 1 },
  { city: 'Hamburg', state: 'Hamburg', country: 'Germany', postal: '20', phone: '+49 40', weight: 1 },
  { city: 'Rotterdam', state: 'South Holland', country: 'Netherlands', postal: '30', phone: '+31 10', weight: 2 },
  { city: 'Eindhoven', state: 'North Brabant', country: 'Netherlands', postal: '56', phone: '+31 40', weight: 1 },
  { city: 'Gothenburg', state: 'Västra Götaland', country: 'Sweden', postal: '41', phone: '+46 31', weight: 1 },
  { city: 'Antwerp', state: 'Antwerp', country: 'Belgium', postal: '20', phone: '+32 3', weight: 1 },
  { city: 'Lyon', state: 'Auvergne-Rhône-Alpes', country: 'France', postal: '69', phone: '+33 4', weight: 1 },
  { city: 'Turin', state: 'Piedmont', country: 'Italy', postal: '10', phone: '+39 011', weight: 1 },
  { city: 'Bilbao', state: 'Basque Country', country: 'Spain', postal: '48', phone: '+34 94', weight: 1 },
  { city: 'São Paulo', state: 'SP', country: 'Brazil', postal: '01', phone: '+55 11', weight: 1 },
]

export const STREETS = [
  'Industrial Pkwy',
  'Commerce Dr',
  'Harbor Rd',
  'Foundry St',
  'Mill Rd',
  'Riverside Ave',
  'Logistics Way',
  'Refinery Rd',
  'Technology Blvd',
  'Canal St',
  'Rail Yard Rd',
  'Quarry Ln',
  'Enterprise Ave',
  'Pipeline Rd',
]

/** industry option value → how companies in it are named, plus typical size */
export interface IndustryProfile {
  code: number
  weight: number
  suffixes: string[]
  /** typical employee range */
  employees: [number, number]
  /** revenue per employee in USD */
  revenuePerEmployee: [number, number]
  /** what the customer runs, used in notes and opportunity text */
  assets: string[]
}

export const INDUSTRIES: IndustryProfile[] = [
  {
    code: 12,
    weight: 30,
    suffixes: [
      'Manufacturing',
      'Precision Castings',
      'Machine Works',
      'Industries',
      'Fabrication',
      'Components',
      'Forge',
      'Metalworks',
      'Automotive Systems',
      'Plastics',
    ],
    employees: [120, 9000],
    revenuePerEmployee: [180000, 320000],
    assets: ['CNC spindles', 'stamping presses', 'injection molding machines', 'air compressors', 'conveyor drives'],
  },
  {
    code: 17,
    weight: 12,
    suffixes: [
      'Foods',
      'Dairy Cooperative',
      'Bakeries',
      'Beverage Co.',
      'Meat Processing',
      'Frozen Foods',
      'Brewing Company',
    ],
    employees: [150, 6000],
    revenuePerEmployee: [220000, 420000],
    assets: ['refrigeration compressors', 'pasteurizer pumps', 'mixers', 'cold rooms', 'bottling line motors'],
  },
  {
    code: 24,
    weight: 10,
    suffixes: ['Midstream', 'Energy Partners', 'Pipeline Company', 'Refining', 'Petroleum', 'Gas Processing'],
    employees: [200, 12000],
    revenuePerEmployee: [600000, 1500000],
    assets: ['compressor stations', 'transfer pumps', 'storage tank farms', 'gas turbines', 'pipeline valves'],
  },
  {
    code: 31,
    weight: 10,
    suffixes: [
      'Water Authority',
      'Power & Light',
      'Utilities',
      'Municipal Water',
      'Energy Cooperative',
      'Wastewater District',
    ],
    employees: [100, 8000],
    revenuePerEmployee: [300000, 700000],
    assets: ['lift station pumps', 'blowers', 'transformers', 'clarifier drives', 'booster pumps'],
  },
  {
    code: 18,
    weight: 10,
    suffixes: ['Chemicals', 'Paper Mills', 'Steel', 'Cement', 'Glass Works', 'Mining', 'Pulp & Paper'],
    employees: [250, 15000],
    revenuePerEmployee: [350000, 800000],
    assets: ['kiln fans', 'slurry pumps', 'paper machine rolls', 'crushers', 'cooling towers'],
  },
  {
    code: 30,
    weight: 7,
    suffixes: ['Freight', 'Logistics', 'Rail Services', 'Port Authority', 'Terminals', 'Cold Chain'],
    employees: [80, 7000],
    revenuePerEmployee: [150000, 350000],
    assets: ['reefer containers', 'cranes', 'sortation conveyors', 'fleet yard compressors', 'dock levelers'],
  },
  {
    code: 10,
    weight: 6,
    suffixes: ['Distribution', 'Supply', 'Industrial Supply', 'Warehousing'],
    employees: [50, 3000],
    revenuePerEmployee: [250000, 600000],
    assets: ['automated storage systems', 'forklift chargers', 'HVAC units', 'conveyor motors'],
  },
  {
    code: 15,
    weight: 4,
    suffixes: ['Equipment Rental', 'Rentals', 'Machinery Leasing'],
    employees: [60, 2500],
    revenuePerEmployee: [200000, 450000],
    assets: ['rental generators', 'portable compressors', 'excavator fleets', 'light towers'],
  },
  {
    code: 2,
    weight: 4,
    suffixes: ['Agri Products', 'Grain Cooperative', 'Farms', 'Irrigation'],
    employees: [40, 4000],
    revenuePerEmployee: [200000, 500000],
    assets: ['grain dryers', 'irrigation pumps', 'silo aeration fans', 'cold storage'],
  },
  {
    code: 19,
    weight: 4,
    suffixes: ['Industrial Services', 'Field Services', 'Maintenance Group', 'Repair Services'],
    employees: [30, 1500],
    revenuePerEmployee: [120000, 250000],
    assets: ['customer pump fleets', 'motor repair shops', 'service vans'],
  },
  {
    code: 7,
    weight: 3,
    suffixes: ['Engineering', 'Consulting Group', 'Reliability Partners', 'Automation'],
    employees: [15, 900],
    revenuePerEmployee: [150000, 300000],
    assets: ['client plants', 'pilot installations'],
  },
]

export const NAME_ROOTS = (
  'Ashford|Bramwell|Calder|Northgate|Redstone|Kettle Creek|Harborview|Ironbridge|Westmark|Silverlake|' +
  'Granite Peak|Bluewater|Crestline|Oakhurst|Pinecrest|Stonebrook|Lakeshore|Fairmont|Highland|Summit Ridge|' +
  'Brightwater|Cedar Valley|Cobalt|Eastfield|Falcon|Foxridge|Glenwood|Halberd|Ironwood|Juniper|' +
  'Keystone|Larkspur|Meridian|Millbrook|Norwood|Oakmont|Prairie|Quarrystone|Ravenwood|Riverbend|' +
  'Saltmarsh|Sandhill|Sterling|Tamarack|Thornbury|Timberline|Trident|Union Point|Vantage|Waverly|' +
  'Whitcombe|Wildrose|Windmere|Yellowstone|Alder|Beacon|Birchfield|Boulder Creek|Canyon|Copperline|' +
  'Driftwood|Elmstead|Everhart|Greystone|Hartwell|Hawthorne|Kingsbridge|Marlow|Maplewood|Ostrander|' +
  'Pembrook|Radcliffe|Rockport|Shoreham|Southbank|Stanhope|Tillbury|Vickers Hill|Wexford|Aldridge'
).split('|')

/** Short name for an email domain: "Kettle Creek Foods" → "kettlecreekfoods" */
export function domainOf(company: string): string {
  return company
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 40)
}
