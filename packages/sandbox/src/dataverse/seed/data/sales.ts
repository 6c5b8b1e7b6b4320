// Sales-side wording: the staff, lead topics, needs, outreach emails and activity subjects.
// {company} {asset} {product} {city} {first} {event} are filled in by the generators.

export interface StaffMember {
  first: string
  last: string
  title: string
  /** business unit key */
  bu: 'root' | 'na' | 'emea' | 'service'
  role: 'admin' | 'sales-exec' | 'sales-manager' | 'sales-rep' | 'sdr' | 'service-manager' | 'agent' | 'marketing'
  city: string
  country: string
  /** index of the manager in STAFF */
  manager?: number
}

/** Corvane's CRM users; index 7 (Jordan Ellis) is the sandbox's signed-in user. */
export const STAFF: StaffMember[] = [
  {
    first: 'Morgan',
    last: 'Reyes',
    title: 'CRM Administrator',
    bu: 'root',
    role: 'admin',
    city: 'Milwaukee',
    country: 'United States',
  },
  {
    first: 'Catherine',
    last: 'Holloway',
    title: 'VP of Sales',
    bu: 'root',
    role: 'sales-exec',
    city: 'Milwaukee',
    country: 'United States',
  },
  {
    first: 'Marcus',
    last: 'Bell',
    title: 'Sales Manager, North America',
    bu: 'na',
    role: 'sales-manager',
    city: 'Chicago',
    country: 'United States',
    manager: 1,
  },
  {
    first: 'Annika',
    last: 'Vogel',
    title: 'Sales Manager, EMEA',
    bu: 'emea',
    role: 'sales-manager',
    city: 'Rotterdam',
    country: 'Netherlands',
    manager: 1,
  },
  {
    first: 'Priya',
    last: 'Raman',
    title: 'Account Executive',
    bu: 'na',
    role: 'sales-rep',
    city: 'Chicago',
    country: 'United States',
    manager: 2,
  },
  {
    first: 'Tom',
    last: 'Kowalczyk',
    title: 'Account Executive',
    bu: 'na',
    role: 'sales-rep',
    city: 'Detroit',
    country: 'United States',
    manager: 2,
  },
  {
    first: 'Rachel',
    last: 'Okonkwo',
    title: 'Account Executive',
    bu: 'na',
    role: 'sales-rep',
    city: 'Houston',
    country: 'United States',
    manager: 2,
  },
  {
    first: 'Jordan',
    last: 'Ellis',
    title: 'Senior Account Executive',
    bu: 'na',
    role: 'sales-rep',
    city: 'Milwaukee',
    country: 'United States',
    manager: 2,
  },
  {
    first: 'Luis',
    last: 'Medina',
    title: 'Account Executive',
    bu: 'na',
    role: 'sales-rep',
    city: 'Atlanta',
    country: 'United States',
    manager: 2,
  },
  {
    first: 'Hannah',
    last: 'Berg',
    title: 'Account Executive',
    bu: 'na',
    role: 'sales-rep',
    city: 'Toronto',
    country: 'Canada',
    manager: 2,
  },
  {
    first: 'Sven',
    last: 'Lindholm',
    title: 'Account Executive',
    bu: 'emea',
    role: 'sales-rep',
    city: 'Gothenburg',
    country: 'Sweden',
    manager: 3,
  },
  {
    first: 'Claire',
    last: 'Dupont',
    title: 'Account Executive',
    bu: 'emea',
    role: 'sales-rep',
    city: 'Lyon',
    country: 'France',
    manager: 3,
  },
  {
    first: 'Oliver',
    last: 'Grant',
    title: 'Account Executive',
    bu: 'emea',
    role: 'sales-rep',
    city: 'Birmingham',
    country: 'United Kingdom',
    manager: 3,
  },
  {
    first: 'Kayla',
    last: 'Brooks',
    title: 'Sales Development Representative',
    bu: 'na',
    role: 'sdr',
    city: 'Milwaukee',
    country: 'United States',
    manager: 2,
  },
  {
    first: 'Devon',
    last: 'Price',
    title: 'Sales Development Representative',
    bu: 'na',
    role: 'sdr',
    city: 'Milwaukee',
    country: 'United States',
    manager: 2,
  },
  {
    first: 'Ines',
    last: 'Almeida',
    title: 'Marketing Manager',
    bu: 'root',
    role: 'marketing',
    city: 'Milwaukee',
    country: 'United States',
    manager: 1,
  },
  {
    first: 'Grace',
    last: 'Liu',
    title: 'Customer Service Manager',
    bu: 'service',
    role: 'service-manager',
    city: 'Milwaukee',
    country: 'United States',
  },
  {
    first: 'Ethan',
    last: 'Walsh',
    title: 'Support Engineer',
    bu: 'service',
    role: 'agent',
    city: 'Milwaukee',
    country: 'United States',
    manager: 16,
  },
  {
    first: 'Fatima',
    last: 'Haddad',
    title: 'Support Engineer',
    bu: 'service',
    role: 'agent',
    city: 'Milwaukee',
    country: 'United States',
    manager: 16,
  },
  {
    first: 'Noah',
    last: 'Fischer',
    title: 'Senior Support Engineer',
    bu: 'service',
    role: 'agent',
    city: 'Milwaukee',
    country: 'United States',
    manager: 16,
  },
  {
    first: 'Aaliyah',
    last: 'Johnson',
    title: 'Support Engineer',
    bu: 'service',
    role: 'agent',
    city: 'Houston',
    country: 'United States',
    manager: 16,
  },
  {
    first: 'Mateo',
    last: 'Sanchez',
    title: 'Support Engineer',
    bu: 'service',
    role: 'agent',
    city: 'Monterrey',
    country: 'Mexico',
    manager: 16,
  },
  {
    first: 'Emma',
    last: 'de Vries',
    title: 'Support Engineer, EMEA',
    bu: 'service',
    role: 'agent',
    city: 'Rotterdam',
    country: 'Netherlands',
    manager: 16,
  },
  {
    first: 'Ryan',
    last: 'Choi',
    title: 'Field Service Engineer',
    bu: 'service',
    role: 'agent',
    city: 'Chicago',
    country: 'United States',
    manager: 16,
  },
  {
    first: 'Megan',
    last: 'Doyle',
    title: 'Customer Success Manager',
    bu: 'service',
    role: 'agent',
    city: 'Milwaukee',
    country: 'United States',
    manager: 16,
  },
]

export const CURRENT_USER_INDEX = 7

export const LEAD_TOPICS = [
  'Vibration monitoring for {asset}',
  'Wireless condition monitoring pilot',
  'Predictive maintenance for {asset}',
  'Replace route-based vibration rounds',
  'Monitoring for {asset} at {city} site',
  'Hazardous-area sensors for {asset}',
  'Pump health assessment',
  'Remote monitoring for unmanned sites',
  'Energy and motor load monitoring',
  'Flow metering without pipe cuts',
  'Insight demo request',
  'Pricing request: VX-200 starter kit',
]

export const NEEDS = [
  'Unplanned downtime on {asset} cost them two production days last quarter.',
  'Their vibration analyst retires next year and nobody can take over the monthly routes.',
  'Corporate mandated a predictive maintenance program for all plants by next year.',
  'Insurance audit flagged missing condition monitoring on critical {asset}.',
  'They want to cut manual inspection rounds and free technicians for repairs.',
  'A failed bearing on one of their {asset} caused a safety incident.',
  'They run several unmanned sites and drive hours to check equipment.',
  'Their current wired system covers only a few machines and expanding it is too expensive.',
]

export const LEAD_SOURCES_NOTE: Record<number, string> = {
  1: 'Responded to a LinkedIn ad about wireless vibration monitoring.',
  2: 'Referred by a Corvane field engineer who met them on another project.',
  3: 'Referred by an existing customer.',
  4: 'Passed on by a distributor partner.',
  5: 'Read the case study in Plant Engineering magazine.',
  6: 'Attended the predictive maintenance webinar.',
  7: 'Met at the booth.',
  8: 'Requested a demo through the website.',
  9: 'Heard about us from a peer at another plant.',
  10: 'Came in through a general inquiry.',
}

export const DISQUALIFY_REASONS: Record<number, string> = {
  4: 'Chose a competitor after comparing pricing.',
  5: 'No response after five attempts over three weeks.',
  6: 'Project shelved after budget freeze.',
  7: 'Duplicate of an existing lead.',
}

export const OUTREACH_SUBJECTS = [
  'Following up from {event}',
  'Reducing unplanned downtime on your {asset}',
  'Quick question about condition monitoring at {company}',
  'Wireless vibration monitoring for {company}',
  'Ideas for your {asset}',
]

export const OUTREACH_BODIES = [
  'Hi {first},\n\nThanks for stopping by our booth at {event}. You mentioned that {need_lc} Many teams in a similar spot start with a 90-day pilot on 10 to 25 critical machines, which typically pays for itself with the first avoided failure.\n\nWould you have 30 minutes next week to look at what a pilot on your {asset} could look like?\n\nBest regards,\n{sender}',
  'Hi {first},\n\nI work with maintenance and reliability teams at companies like {company} that want earlier warning of failures on {asset}. Our VX-200 wireless sensors install in minutes without cabling and send alerts to your team through Insight.\n\nIs condition monitoring on your agenda this year? Happy to share how a plant in {city} cut unplanned downtime by a third.\n\nBest,\n{sender}',
  'Hello {first},\n\nThank you for your interest in Corvane. Based on your request I have put together a short overview of how we monitor {asset}, including battery-powered sensors, gateways and the Insight dashboards.\n\nCould we schedule a short call to understand your priorities and the number of assets involved?\n\nKind regards,\n{sender}',
]

export const LEAD_REPLIES = [
  'Hi {sender_first},\n\nThanks for reaching out. Yes, we are looking at options for the {asset}. Can you send pricing for about {count} sensors and the software? Next Tuesday afternoon works for a call.\n\n{first}',
  'Hello,\n\nInteresting timing, we had another failure last month. I need to involve our IT team because of network access. Could you send the network requirements ahead of the call?\n\nRegards,\n{first}',
  'Hi,\n\nNot a priority for this quarter, but please check back after our budget planning in January.\n\nThanks,\n{first}',
]

export const OPPORTUNITY_SITUATION = [
  'Monthly route-based vibration analysis by a contractor covers about 40% of critical assets.',
  'No condition monitoring today; maintenance is time-based with frequent surprise failures.',
  'A wired monitoring system covers a few turbines; everything else is manual.',
  'Pilot with a competitor stalled because the sensors could not be installed in hazardous areas.',
  'Existing Corvane customer at one site, evaluating a rollout to additional plants.',
]

export const TASK_SUBJECTS = [
  'Send pricing for {count} VX-200 sensors',
  'Prepare pilot proposal for {company}',
  'Follow up on network requirements with IT',
  'Update mutual action plan',
  'Check references for {company}',
  'Schedule site survey at {city} plant',
  'Send ROI calculator results',
  'Confirm budget owner and approval process',
  'Prepare quarterly business review deck',
  'Renewal: confirm license counts',
]

export const CALL_SUBJECTS = [
  'Discovery call with {first}',
  'Follow-up call on pilot results',
  'Call about renewal timing',
  'Pricing discussion with procurement',
  'Check-in after installation',
  'Introductory call',
  'Left voicemail about demo',
]

export const CALL_NOTES = [
  'Discussed current maintenance approach and the assets with the most downtime. Agreed to send a pilot outline.',
  'Customer confirmed budget is approved for next quarter; procurement needs two quotes.',
  'Walked through pilot results: two early bearing warnings were confirmed during planned stops.',
  'No answer; left a voicemail and will follow up by email.',
  'IT raised questions about outbound MQTT; sent the firewall requirements article.',
  'Procurement asked for a 3-year price; will check with sales manager.',
]

export const MEETING_SUBJECTS = [
  'Site walk-through at {city} plant',
  'Insight demo for maintenance team',
  'Pilot kickoff with {company}',
  'Quarterly business review',
  'Technical deep dive with IT and OT security',
  'Proposal review with {first}',
]

export const MEETING_LOCATIONS = [
  'Microsoft Teams meeting',
  'Customer site',
  '{city} plant, main conference room',
  'Corvane office, Milwaukee',
]
