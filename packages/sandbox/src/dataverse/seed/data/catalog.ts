// The seller's catalog: Corvane Systems makes wireless condition-monitoring sensors, edge gateways
// and the Insight analytics cloud for plants, utilities and process industries.

export const COMPANY = {
  name: 'Corvane Systems',
  domain: 'corvane.com',
  supportEmail: 'support@corvane.com',
  city: 'Milwaukee',
  country: 'United States',
}

export interface CatalogItem {
  number: string
  name: string
  family: string
  price: number
  cost: number
  /** 1 Sales Inventory, 2 Miscellaneous Charges, 3 Services, 4 Flat Fees */
  type: 1 | 2 | 3 | 4
  description: string
  /** typical quantity range on an opportunity line */
  qty: [number, number]
  retired?: boolean
}

export const FAMILIES: Array<{ key: string; number: string; name: string; description: string }> = [
  {
    key: 'vibration',
    number: 'CRV-FAM-VX',
    name: 'Wireless Vibration Sensors',
    description: 'Battery-powered triaxial vibration and temperature sensors for rotating equipment.',
  },
  {
    key: 'process',
    number: 'CRV-FAM-PS',
    name: 'Process Sensors',
    description: 'Temperature, pressure, flow and current sensors for process monitoring.',
  },
  {
    key: 'gateway',
    number: 'CRV-FAM-EH',
    name: 'Edge Gateways',
    description: 'EdgeHub gateways and range extenders that collect sensor data and forward it to Insight.',
  },
  {
    key: 'software',
    number: 'CRV-FAM-INS',
    name: 'Insight Software',
    description: 'Corvane Insight cloud subscriptions, analytics modules and licenses.',
  },
  {
    key: 'services',
    number: 'CRV-FAM-SVC',
    name: 'Services',
    description: 'Installation, pilots, training, support plans and calibration.',
  },
]

export const PRODUCTS: CatalogItem[] = [
  {
    number: 'CRV-VX200',
    name: 'VX-200 Wireless Vibration Sensor',
    family: 'vibration',
    price: 495,
    cost: 182,
    type: 1,
    qty: [20, 400],
    description: 'Triaxial vibration and surface temperature sensor, IP67, 5-year battery at 1-hour reporting.',
  },
  {
    number: 'CRV-VX300',
    name: 'VX-300 Hazardous-Area Vibration Sensor',
    family: 'vibration',
    price: 895,
    cost: 341,
    type: 1,
    qty: [10, 150],
    description: 'Intrinsically safe variant of the VX-200 certified for ATEX Zone 1 and Class I Division 1.',
  },
  {
    number: 'CRV-VX100',
    name: 'VX-100 Wireless Vibration Sensor (legacy)',
    family: 'vibration',
    price: 395,
    cost: 160,
    type: 1,
    qty: [10, 100],
    description: 'Single-axis predecessor of the VX-200. Retired; supported until end of 2027.',
    retired: true,
  },
  {
    number: 'CRV-VX-MNT',
    name: 'VX Mounting Kit',
    family: 'vibration',
    price: 39,
    cost: 11,
    type: 1,
    qty: [20, 400],
    description: 'Epoxy mounting pad, 1/4-28 stud and torque guide for VX sensors.',
  },
  {
    number: 'CRV-VX-BAT',
    name: 'VX Replacement Battery Pack',
    family: 'vibration',
    price: 29,
    cost: 9,
    type: 1,
    qty: [20, 300],
    description: 'Lithium thionyl chloride 3.6 V battery pack for VX-200 and VX-300 sensors.',
  },
  {
    number: 'CRV-TL100',
    name: 'TL-100 Temperature Transmitter',
    family: 'process',
    price: 310,
    cost: 104,
    type: 1,
    qty: [10, 120],
    description: 'Wireless PT100 RTD temperature transmitter with -50 to 400 °C range.',
  },
  {
    number: 'CRV-TL-PRB5',
    name: 'TL Probe Cable Assembly 5 m',
    family: 'process',
    price: 68,
    cost: 21,
    type: 1,
    qty: [10, 120],
    description: 'Replacement PT100 probe with 5 m armored cable for the TL-100.',
  },
  {
    number: 'CRV-PX50',
    name: 'PX-50 Smart Pressure Transmitter',
    family: 'process',
    price: 640,
    cost: 228,
    type: 1,
    qty: [5, 80],
    description: '4-20 mA/HART pressure transmitter with wireless backhaul, 0.075% accuracy.',
  },
  {
    number: 'CRV-FT400',
    name: 'FT-400 Clamp-on Ultrasonic Flow Meter',
    family: 'process',
    price: 2450,
    cost: 910,
    type: 1,
    qty: [1, 20],
    description: 'Non-invasive transit-time flow meter for pipes from 15 mm to 1,200 mm.',
  },
  {
    number: 'CRV-CS20',
    name: 'CS-20 Motor Current Sensor',
    family: 'process',
    price: 185,
    cost: 58,
    type: 1,
    qty: [10, 200],
    description: 'Split-core current sensor for motor load and running-hours monitoring.',
  },
  {
    number: 'CRV-EH10',
    name: 'EdgeHub EH-10 Industrial Gateway',
    family: 'gateway',
    price: 1350,
    cost: 480,
    type: 1,
    qty: [1, 20],
    description: 'DIN-rail gateway for up to 250 sensors, Ethernet backhaul, local buffering for 30 days.',
  },
  {
    number: 'CRV-EH20',
    name: 'EdgeHub EH-20 LTE Gateway',
    family: 'gateway',
    price: 1790,
    cost: 655,
    type: 1,
    qty: [1, 12],
    description: 'EdgeHub with LTE Cat-M1/Cat-4 modem and dual SIM for sites without plant network access.',
  },
  {
    number: 'CRV-RP5',
    name: 'RP-5 Mesh Range Extender',
    family: 'gateway',
    price: 260,
    cost: 88,
    type: 1,
    qty: [2, 30],
    description: 'Battery or 24 V powered repeater that extends sensor radio range by up to 300 m.',
  },
  {
    number: 'CRV-EH-PSU',
    name: '24 V DIN-Rail Power Supply',
    family: 'gateway',
    price: 95,
    cost: 31,
    type: 1,
    qty: [1, 20],
    description: '60 W DIN-rail power supply for EdgeHub gateways and RP-5 extenders.',
  },
  {
    number: 'CRV-INS-STD',
    name: 'Insight Cloud Standard (per asset/year)',
    family: 'software',
    price: 120,
    cost: 22,
    type: 4,
    qty: [25, 600],
    description: 'Dashboards, alerting and 13 months of data retention per monitored asset.',
  },
  {
    number: 'CRV-INS-ENT',
    name: 'Insight Cloud Enterprise (per asset/year)',
    family: 'software',
    price: 210,
    cost: 35,
    type: 4,
    qty: [50, 1500],
    description: 'Standard plus single sign-on, multi-site roll-ups, audit log and 5-year retention.',
  },
  {
    number: 'CRV-PDM',
    name: 'Predictive Maintenance Module (per asset/year)',
    family: 'software',
    price: 90,
    cost: 14,
    type: 4,
    qty: [25, 800],
    description: 'Machine-learning anomaly detection and remaining-useful-life estimates.',
  },
  {
    number: 'CRV-API',
    name: 'Insight Data API Add-on (per site/year)',
    family: 'software',
    price: 2400,
    cost: 300,
    type: 4,
    qty: [1, 10],
    description: 'REST and MQTT access to raw and aggregated sensor data for historians and data lakes.',
  },
  {
    number: 'CRV-ONPREM',
    name: 'Insight On-Premises Server License',
    family: 'software',
    price: 18000,
    cost: 2500,
    type: 4,
    qty: [1, 2],
    description: 'Perpetual license for running Insight inside the customer network.',
  },
  {
    number: 'CRV-SVC-INST',
    name: 'Installation & Commissioning (per day)',
    family: 'services',
    price: 1600,
    cost: 900,
    type: 3,
    qty: [2, 15],
    description: 'On-site sensor installation, gateway setup and commissioning by a Corvane field engineer.',
  },
  {
    number: 'CRV-SVC-PILOT',
    name: 'Pilot Program (90 days)',
    family: 'services',
    price: 9500,
    cost: 5200,
    type: 3,
    qty: [1, 1],
    description: 'Up to 25 monitored assets for 90 days with weekly reviews and a success report.',
  },
  {
    number: 'CRV-SVC-TRN',
    name: 'Reliability Analytics Training (per seat)',
    family: 'services',
    price: 650,
    cost: 240,
    type: 3,
    qty: [4, 20],
    description: 'Two-day course on vibration basics, alert tuning and using Insight for maintenance planning.',
  },
  {
    number: 'CRV-SVC-PREM',
    name: 'Premium Support Plan (per site/year)',
    family: 'services',
    price: 6000,
    cost: 2100,
    type: 3,
    qty: [1, 6],
    description: '24x7 phone support, 4-hour response for high-priority cases and a named support engineer.',
  },
  {
    number: 'CRV-SVC-WAR',
    name: 'Extended Warranty 2 Years (per device)',
    family: 'services',
    price: 75,
    cost: 18,
    type: 3,
    qty: [20, 400],
    description: 'Extends hardware warranty from 3 to 5 years with advance replacement.',
  },
  {
    number: 'CRV-SVC-CAL',
    name: 'On-site Calibration Visit',
    family: 'services',
    price: 1200,
    cost: 640,
    type: 3,
    qty: [1, 4],
    description: 'Calibration check of TL-100 and PX-50 transmitters with traceable certificates.',
  },
]

/** Bundles that make sense together, used to build opportunity lines. */
export const DEAL_SHAPES: Array<{ name: string; lines: string[]; weight: number }> = [
  { name: 'Vibration monitoring rollout', lines: ['CRV-VX200', 'CRV-VX-MNT', 'CRV-EH10', 'CRV-INS-STD'], weight: 6 },
  { name: 'Predictive maintenance expansion', lines: ['CRV-VX200', 'CRV-PDM', 'CRV-INS-ENT'], weight: 4 },
  { name: 'Hazardous-area monitoring', lines: ['CRV-VX300', 'CRV-EH20', 'CRV-INS-ENT', 'CRV-SVC-INST'], weight: 2 },
  { name: 'Process sensor retrofit', lines: ['CRV-TL100', 'CRV-PX50', 'CRV-EH10', 'CRV-SVC-INST'], weight: 3 },
  { name: 'Flow monitoring project', lines: ['CRV-FT400', 'CRV-EH20', 'CRV-INS-STD'], weight: 2 },
  { name: 'Motor health program', lines: ['CRV-CS20', 'CRV-VX200', 'CRV-EH10', 'CRV-PDM'], weight: 2 },
  { name: 'Pilot', lines: ['CRV-SVC-PILOT'], weight: 3 },
  { name: 'Insight renewal', lines: ['CRV-INS-ENT', 'CRV-SVC-PREM'], weight: 3 },
  { name: 'Data platform integration', lines: ['CRV-API', 'CRV-INS-ENT'], weight: 1 },
  { name: 'On-premises deployment', lines: ['CRV-ONPREM', 'CRV-SVC-INST', 'CRV-SVC-TRN'], weight: 1 },
  { name: 'Training and support', lines: ['CRV-SVC-TRN', 'CRV-SVC-PREM'], weight: 1 },
]

export const COMPETITORS: Array<{
  name: string
  website: string
  city: string
  country: string
  revenue: number
  overview: string
  strengths: string
  weaknesses: string
}> = [
  {
    name: 'Vantor Analytics',
    website: 'https://www.vantoranalytics.com',
    city: 'Boston',
    country: 'United States',
    revenue: 410000000,
    overview:
      'Large industrial software vendor selling asset performance management suites, usually top-down to corporate reliability teams.',
    strengths: 'Strong brand with executives; broad APM suite; global services organization.',
    weaknesses: 'Long implementations; hardware comes from partners; expensive per-asset licensing.',
  },
  {
    name: 'Pulsewave Sensors',
    website: 'https://www.pulsewavesensors.com',
    city: 'Austin',
    country: 'United States',
    revenue: 65000000,
    overview: 'Venture-funded maker of low-cost wireless vibration sensors sold online and through distributors.',
    strengths: 'Aggressive pricing; easy self-service onboarding.',
    weaknesses: 'No hazardous-area certification; limited process sensors; thin support outside US business hours.',
  },
  {
    name: 'Kessler Messtechnik',
    website: 'https://www.kessler-messtechnik.de',
    city: 'Mannheim',
    country: 'Germany',
    revenue: 290000000,
    overview: 'Established German instrumentation manufacturer with a wired condition-monitoring portfolio.',
    strengths: 'Trusted in process industries; excellent pressure and flow instruments; strong in EMEA.',
    weaknesses: 'Wireless line is new; cloud analytics is basic; slow release cadence.',
  },
  {
    name: 'Orbitline IoT',
    website: 'https://www.orbitlineiot.com',
    city: 'San Jose',
    country: 'United States',
    revenue: 120000000,
    overview: 'Horizontal IoT platform with connectors for many sensor brands.',
    strengths: 'Flexible platform; good integrations with data lakes.',
    weaknesses: 'Customer must assemble hardware, installation and analytics from several vendors.',
  },
  {
    name: 'Halvard Reliability',
    website: 'https://www.halvardreliability.com',
    city: 'Calgary',
    country: 'Canada',
    revenue: 38000000,
    overview: 'Service-led reliability company offering route-based vibration analysis and some online monitoring.',
    strengths: 'Experienced analysts; long-standing relationships with maintenance managers.',
    weaknesses: 'Labor-intensive model; online monitoring hardware is resold; limited software.',
  },
  {
    name: 'SensiGrid Systems',
    website: 'https://www.sensigrid.com',
    city: 'Toronto',
    country: 'Canada',
    revenue: 54000000,
    overview: 'Utility-focused vendor of monitoring for pumps, lift stations and substations.',
    strengths: 'Deep water-utility references; SCADA integration.',
    weaknesses: 'Narrow outside utilities; dated user interface.',
  },
  {
    name: 'Trevino Automation',
    website: 'https://www.trevinoautomation.com',
    city: 'Monterrey',
    country: 'Mexico',
    revenue: 22000000,
    overview: 'System integrator that bundles PLC-based monitoring into automation projects.',
    strengths: 'Local presence in Mexico and Texas; bundled with controls projects.',
    weaknesses: 'Custom builds are hard to maintain; no packaged analytics.',
  },
  {
    name: 'in-house PLC/historian build',
    website: 'https://www.example.org',
    city: '',
    country: '',
    revenue: 0,
    overview: 'Customer builds monitoring with existing PLCs, wired sensors and the plant historian.',
    strengths: 'Uses existing budget and staff; no new vendor.',
    weaknesses: 'Wiring cost; no analytics; depends on a few internal experts.',
  },
]

export const CAMPAIGNS: Array<{
  key: string
  name: string
  code: string
  type: 1 | 2 | 3 | 4 | 5
  start: string
  end: string
  budget: number
  expected: number
  description: string
  objective: string
}> = [
  {
    key: 'tradeshow',
    name: 'Smart Plant Expo 2026 – Chicago',
    code: 'CMP-26-EXPO',
    type: 3,
    start: '2026-09-15',
    end: '2026-09-17',
    budget: 145000,
    expected: 2400000,
    description:
      'Booth 1142 at Smart Plant Expo in Chicago with live VX-200 demos on a pump skid, two speaking slots and badge scanning.',
    objective:
      'Collect 500 qualified badge scans and book 60 follow-up meetings with maintenance and reliability leaders.',
  },
  {
    key: 'webinar',
    name: 'Webinar Series: Predictive Maintenance in 30 Days',
    code: 'CMP-26-WEB',
    type: 2,
    start: '2026-03-01',
    end: '2026-06-30',
    budget: 38000,
    expected: 900000,
    description: 'Four monthly webinars with customer speakers on getting value from vibration monitoring quickly.',
    objective: 'Generate 300 marketing-qualified leads from mid-size manufacturers.',
  },
  {
    key: 'utilities',
    name: 'Water Utilities Pump Health Program',
    code: 'CMP-26-UTIL',
    type: 2,
    start: '2026-05-01',
    end: '2026-12-31',
    budget: 52000,
    expected: 1200000,
    description: 'Targeted email and direct mail to water and wastewater utilities offering a pump health assessment.',
    objective: 'Book 40 pump health assessments with utilities in the US and Canada.',
  },
  {
    key: 'partner',
    name: 'Distributor Co-Marketing Q2 2026',
    code: 'CMP-26-PART',
    type: 4,
    start: '2026-04-01',
    end: '2026-06-30',
    budget: 25000,
    expected: 600000,
    description: 'Co-branded promotions with three industrial distributors, including a VX-200 starter kit offer.',
    objective: 'Create 120 leads through distributor channels.',
  },
  {
    key: 'ads',
    name: 'Search & LinkedIn Ads H2 2025',
    code: 'CMP-25-ADS',
    type: 1,
    start: '2025-07-01',
    end: '2025-12-31',
    budget: 60000,
    expected: 800000,
    description:
      'Paid search and LinkedIn campaigns on vibration monitoring and wireless condition monitoring keywords.',
    objective: 'Drive 2,000 visits to the pilot program page and 150 demo requests.',
  },
]
