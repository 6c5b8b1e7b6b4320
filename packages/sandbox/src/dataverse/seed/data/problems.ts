// What goes wrong with the products, as customers report it and as support fixes it. Every problem
// has a knowledge article with the troubleshooting steps, so case enrichment and knowledge search
// find matching answers.

export interface Problem {
  key: string
  /** product numbers the problem concerns; the first is the usual one */
  products: string[]
  /** 1 Question, 2 Problem, 3 Request */
  caseType: 1 | 2 | 3
  titles: string[]
  /** the customer's own words; {product} {site} {count} are filled in */
  report: string[]
  /** what the agent asks or suggests first */
  reply: string
  /** what solved it, written for the customer */
  fix: string
  /** internal notes by the agent */
  notes: string[]
  kb: { title: string; summary: string; symptoms: string[]; cause: string; steps: string[]; keywords: string }
}

export const PROBLEMS: Problem[] = [
  {
    key: 'vx-battery',
    products: ['CRV-VX200', 'CRV-VX300'],
    caseType: 2,
    titles: [
      '{product} batteries draining far too fast',
      'Low battery warnings on {count} {product} sensors after a few months',
    ],
    report: [
      'We installed {count} {product} sensors at our {site} plant about five months ago and Insight already shows several of them below 20% battery. The datasheet says five years. Is this a bad batch?',
      'Battery level on {count} of our {product} units dropped from 100% to around 35% since spring. They are on compressors in an unheated building. Please advise before they die.',
    ],
    reply:
      'Could you tell us the reporting interval and whether high-resolution waveform capture is enabled for these sensors? Both have a large effect on battery life, as does ambient temperature below -10 °C.',
    fix: 'The sensors were set to a 5-minute reporting interval with waveform capture on every reading, which cuts battery life to well under a year. We changed the profile to hourly readings with a daily waveform and the projected battery life in Insight is back above four years.',
    notes: [
      'Checked sensor profile in Insight: interval 5 min, waveform on every sample. Explains drain.',
      'Customer wants faster alerts on two critical compressors only; suggested a separate profile for those.',
    ],
    kb: {
      title: 'VX-200 battery drains faster than the rated five years',
      summary:
        'Battery life of VX sensors depends mostly on the reporting interval, waveform capture and temperature. The five-year rating assumes hourly readings at 25 °C.',
      symptoms: [
        'Battery level in Insight drops more than 2% per week',
        'Low battery warnings within the first year',
        'Sensors in cold areas report lower battery than others',
      ],
      cause:
        'Short reporting intervals and frequent high-resolution waveform capture keep the radio and accelerometer awake. Lithium cells also deliver less capacity below -10 °C.',
      steps: [
        'In Insight, open Devices, select the sensor and check Reporting profile.',
        'Use an interval of 60 minutes for general assets; reserve 10-minute intervals for critical machines.',
        'Set waveform capture to daily or on alarm instead of every reading.',
        'For sensors below -10 °C, expect about 30% shorter life and plan battery replacement accordingly.',
        'After changing the profile, wait 24 hours and check the projected battery life column.',
      ],
      keywords: 'VX-200, VX-300, battery, battery life, reporting interval, waveform, cold',
    },
  },
  {
    key: 'vx-offline',
    products: ['CRV-VX200', 'CRV-RP5', 'CRV-EH10'],
    caseType: 2,
    titles: ['{product} sensors dropping offline intermittently', 'Gaps in data from {count} sensors in {site}'],
    report: [
      'Several {product} sensors in our {site} building keep going offline for hours and then come back. The gateway itself shows online the whole time. It is mostly sensors on the pumps in the basement.',
      'We see gaps of 2-6 hours in the trend data of {count} sensors. Nothing changed on our side except that a new steel mezzanine was installed last month.',
    ],
    reply:
      'Could you export the signal strength (RSSI) history for the affected sensors from Devices > Radio and tell us the distance and obstacles between the sensors and the gateway?',
    fix: 'The affected sensors had an RSSI around -95 dBm because the new mezzanine blocked the line of sight to the gateway. Adding an RP-5 range extender on the mezzanine column brought the signal to -72 dBm and the gaps stopped.',
    notes: [
      'RSSI for 7 sensors between -93 and -97 dBm, packet loss 40%. Others fine.',
      'Proposed RP-5 at column C4; customer has one spare from the original order.',
    ],
    kb: {
      title: 'Wireless sensors go offline or show data gaps',
      summary:
        'Intermittent data from VX sensors is almost always caused by weak radio signal between the sensor and the EdgeHub gateway or an RP-5 extender.',
      symptoms: [
        'Sensor status alternates between Online and Offline',
        'Trend charts have gaps of several hours',
        'Gateway is online while some of its sensors are not',
      ],
      cause:
        'Metal structures, concrete walls and moving equipment attenuate the 2.4 GHz signal. Below about -90 dBm packet loss rises quickly.',
      steps: [
        'In Insight open Devices > Radio and sort by RSSI. Values better than -85 dBm are healthy.',
        'For sensors below -85 dBm, check for new obstacles such as steel structures, tanks or walls.',
        'Move the gateway antenna higher or to the other side of the obstacle if possible.',
        'Otherwise install an RP-5 range extender roughly halfway, with line of sight to both sides.',
        'After 24 hours confirm packet loss is below 2% in the Radio view.',
      ],
      keywords: 'offline, data gaps, RSSI, signal strength, range, RP-5, extender, mesh, VX-200',
    },
  },
  {
    key: 'vx-spikes',
    products: ['CRV-VX200'],
    caseType: 2,
    titles: ['False high-vibration alarms from {product}', 'Vibration spikes on fan sensor trigger alerts every night'],
    report: [
      'One {product} on a cooling tower fan in {site} sends a high vibration alarm almost every night, with readings jumping from 2 mm/s to over 20 mm/s for a single sample. The fan sounds fine. Maintenance is starting to ignore the alerts.',
      'We get random spikes on {count} sensors that are mounted with the magnetic base. The values look unrealistic and go back to normal on the next reading.',
    ],
    reply:
      'Could you send a photo of how the sensor is mounted and tell us whether it sits on a painted or curved surface? Single-sample spikes usually point to the mounting rather than the machine.',
    fix: 'The sensor was on a magnetic base on a painted, curved bearing housing and rocked slightly under load. After mounting it on the epoxy pad from the VX Mounting Kit and enabling the two-sample alarm confirmation, the false alarms stopped.',
    notes: [
      'Photo shows magnet on painted curved housing. Classic rocking.',
      'Enabled alarm confirmation = 2 consecutive samples on this asset.',
    ],
    kb: {
      title: 'Single-sample vibration spikes and false alarms',
      summary:
        'Readings that jump for one sample and return to normal are usually caused by loose or unsuitable sensor mounting, not by the machine.',
      symptoms: [
        'Isolated readings 5-10 times above the normal level',
        'High vibration alarms that clear on the next reading',
        'Spikes more frequent on magnet-mounted sensors',
      ],
      cause:
        'Magnetic bases on painted, curved or rough surfaces can rock or resonate. A loose stud produces similar effects.',
      steps: [
        'Check the mounting: the sensor must sit flat on bare metal close to the bearing.',
        'Replace magnetic mounting with the epoxy pad and stud from the VX Mounting Kit, torqued to 2 N·m.',
        'In Insight, set alarm confirmation to two consecutive samples for the asset.',
        'Review the waveform of a spike: a single impulse with no harmonics confirms a mounting artefact.',
      ],
      keywords: 'false alarm, spike, vibration, mounting, magnet, epoxy, VX Mounting Kit, VX-200',
    },
  },
  {
    key: 'vx-pairing',
    products: ['CRV-VX200', 'CRV-EH10'],
    caseType: 2,
    titles: ['New {product} sensors will not pair with gateway', 'Cannot add sensors to EdgeHub at {site}'],
    report: [
      'We received {count} new {product} sensors and none of them show up in the gateway at {site}. The LED blinks green when we tap the magnet but the gateway never lists them.',
      'Trying to commission a new line. The sensors are activated but the EdgeHub says "no new devices found" after scanning for ten minutes.',
    ],
    reply:
      'Could you check the firmware version of the gateway under Settings > About and confirm the sensors were added to the site in Insight before activation?',
    fix: 'The gateway was on firmware 3.2, which does not recognise sensors from the latest production batch. After updating the EdgeHub to 3.6 and re-activating the sensors they paired within a minute.',
    notes: [
      'Gateway firmware 3.2.1; new batch needs >= 3.5.',
      'Walked the customer through the update remotely; all sensors paired.',
    ],
    kb: {
      title: 'VX sensors do not pair with the EdgeHub gateway',
      summary:
        'Sensors must be registered to the site in Insight and the gateway must run firmware 3.5 or later to pair sensors from 2026 production.',
      symptoms: [
        'Sensor LED blinks green but the gateway lists no new device',
        'Gateway scan ends with "no new devices found"',
      ],
      cause:
        'Older gateway firmware does not recognise the updated radio profile, or the sensor serial numbers were not added to the site.',
      steps: [
        'In Insight, open the site and confirm the sensor serial numbers are listed under Pending devices.',
        'On the gateway web page open Settings > About and check the firmware version.',
        'If it is below 3.5, update the gateway (see the firmware update article).',
        'Activate each sensor by holding the magnet on the logo for three seconds until the LED blinks green twice.',
        'Keep the sensor within 10 m of the gateway during pairing, then mount it.',
      ],
      keywords: 'pairing, commissioning, EdgeHub, EH-10, new sensor, firmware, activation',
    },
  },
  {
    key: 'vx-firmware',
    products: ['CRV-VX200', 'CRV-VX300'],
    caseType: 2,
    titles: ['{product} firmware update stuck at "pending"', 'Over-the-air update failed on {count} sensors'],
    report: [
      'We started the firmware update from Insight for all {product} sensors at {site} three days ago. {count} of them still show "Update pending" and two show "Failed".',
      'The OTA update to 2.8 failed on several sensors and now they report every 6 hours instead of hourly.',
    ],
    reply:
      'Could you tell us the battery level and signal strength of the sensors that did not update? Updates are held back below 30% battery and at weak signal.',
    fix: 'The pending sensors had battery below 30% or RSSI below -88 dBm, so the update was deferred. We retried the failed ones with the gateway in update mode; after replacing two battery packs all sensors are on 2.8 and back to hourly reporting.',
    notes: ['Failed units: battery 22% and 18%. Pending: weak RSSI.', 'Sent two VX-BAT packs under warranty.'],
    kb: {
      title: 'Sensor firmware update fails or stays pending',
      summary:
        'Over-the-air updates are deferred for sensors with low battery or weak signal, and a failed update makes the sensor fall back to a 6-hour safe interval.',
      symptoms: [
        'Update status stays "Pending" for more than 24 hours',
        'Status "Failed" after an update',
        'Sensor reports every 6 hours after a failed update',
      ],
      cause:
        'An update needs about 12 minutes of continuous radio link. The gateway postpones it below 30% battery or -88 dBm RSSI to protect the sensor.',
      steps: [
        'Filter the device list by Update status and note battery and RSSI of the affected sensors.',
        'Replace battery packs below 30%.',
        'For weak signal, temporarily bring the sensor closer to the gateway or add an RP-5.',
        'On the gateway select Maintenance > Update mode, then Retry update in Insight.',
        'Confirm the firmware version and that the reporting profile was restored.',
      ],
      keywords: 'firmware, OTA, update failed, pending, VX-200, VX-300, safe mode',
    },
  },
  {
    key: 'vx300-cert',
    products: ['CRV-VX300'],
    caseType: 3,
    titles: [
      'ATEX certificate and installation drawing for {product}',
      'Documentation request for hazardous-area approval',
    ],
    report: [
      'Our safety department needs the ATEX certificate, the IECEx certificate and the control drawing for the {product} before we can install {count} units in Zone 1 at {site}.',
      'Please send the Class I Division 1 certificate for the {product}. The site inspector asked for it.',
    ],
    reply:
      'We will send the certificate package. Could you confirm the serial numbers or the order number so we include the certificates for the right production revision?',
    fix: 'We sent the ATEX and IECEx certificates, the CSA C1D1 certificate and control drawing CD-300-04 matching the serial numbers on the order.',
    notes: ['Order has revision C units; sent CD-300-04, not the older CD-300-02.'],
    kb: {
      title: 'Hazardous-area certificates for the VX-300',
      summary:
        'Where to find the ATEX, IECEx and CSA certificates and the control drawing for VX-300 sensors, and which revision applies.',
      symptoms: ['Safety or inspection team asks for certificates before installation'],
      cause: 'Certificates are tied to the hardware revision printed on the label (Rev B or Rev C).',
      steps: [
        'Read the revision letter from the sensor label or the packing list.',
        'Download the certificate package for that revision from the Insight Documents page.',
        'Use control drawing CD-300-04 for Rev C and CD-300-02 for Rev B.',
        'Install the battery only outside the hazardous area, as described in the drawing.',
      ],
      keywords: 'ATEX, IECEx, CSA, Class I Division 1, hazardous area, certificate, VX-300, control drawing',
    },
  },
  {
    key: 'tl-offset',
    products: ['CRV-TL100'],
    caseType: 2,
    titles: ['{product} reads about 3 °C higher than reference', 'Temperature offset on {product} transmitters'],
    report: [
      'The {product} on our pasteurizer outlet reads 3.2 °C higher than the calibrated handheld reference. This matters for our food safety records at {site}.',
      'We compared {count} {product} transmitters against our reference thermometer and they are all off by 2 to 4 degrees.',
    ],
    reply:
      'Could you tell us the insertion depth of the probe and whether a thermowell is used? Short insertion and missing thermal paste often cause an offset.',
    fix: 'The probes were inserted only 40 mm into a thermowell without thermal paste. After re-installing them at 100 mm with paste and applying a one-point trim in Insight, the readings match the reference within 0.2 °C.',
    notes: ['Insertion depth 40 mm, thermowell dry. Recommended 10x diameter rule.'],
    kb: {
      title: 'TL-100 temperature reading offset from a reference',
      summary:
        'A steady offset between the TL-100 and a reference thermometer usually comes from installation, not from the transmitter.',
      symptoms: [
        'Readings consistently higher or lower than a calibrated reference',
        'Offset changes with flow or ambient temperature',
      ],
      cause: 'Insufficient insertion depth, air gaps in the thermowell, or stem conduction to ambient.',
      steps: [
        'Insert the probe at least ten times the thermowell diameter, typically 100 mm.',
        'Fill the thermowell with thermal paste.',
        'Compare again at stable process conditions.',
        'If an offset remains, apply a one-point trim under Devices > Calibration in Insight and record it.',
        'Book an on-site calibration visit if your quality system requires traceable certificates.',
      ],
      keywords: 'TL-100, temperature, offset, calibration, thermowell, insertion depth, trim',
    },
  },
  {
    key: 'tl-open',
    products: ['CRV-TL100', 'CRV-TL-PRB5'],
    caseType: 2,
    titles: ['{product} shows -999 and sensor fault', 'Temperature transmitter reporting probe error'],
    report: [
      'Since yesterday our {product} on the boiler feed line at {site} shows -999 °C and a "probe fault" status.',
      '{count} temperature transmitters show a sensor fault after a washdown. Readings are -999.',
    ],
    reply:
      'Please check the probe cable for damage and moisture at the connector. If you have a multimeter, the PT100 should read about 108 ohms at 20 °C.',
    fix: 'The probe cable was crushed and water had entered the connector after washdown. We shipped a TL Probe Cable Assembly; after replacement the transmitter reads normally.',
    notes: ['Customer measured open circuit on the probe. Replacement probe shipped.'],
    kb: {
      title: 'TL-100 shows -999 or probe fault',
      summary: 'The value -999 means the transmitter cannot measure the RTD: the probe circuit is open or shorted.',
      symptoms: ['Reading shows -999', 'Device status "Probe fault"'],
      cause: 'Damaged probe cable, moisture in the M12 connector or a failed RTD element.',
      steps: [
        'Disconnect the probe and inspect the cable and M12 connector for damage or water.',
        'Measure the probe resistance: about 108 ohms at 20 °C for a PT100.',
        'Dry and reseat the connector with a new seal if it was wet.',
        'Replace the probe with a TL Probe Cable Assembly if the resistance is open or shorted.',
      ],
      keywords: 'TL-100, -999, probe fault, RTD, PT100, cable, moisture, open circuit',
    },
  },
  {
    key: 'px-drift',
    products: ['CRV-PX50'],
    caseType: 2,
    titles: ['{product} zero drift', 'Pressure transmitter reads 0.3 bar with line depressurized'],
    report: [
      'With the line depressurized for maintenance our {product} still reads 0.3 bar. It used to read 0.0. Installed about a year ago at {site}.',
      'We see slow drift on {count} {product} transmitters mounted outdoors on the compressor discharge.',
    ],
    reply:
      'Could you confirm the mounting orientation and whether the transmitter sees large temperature swings or vibration?',
    fix: 'The transmitter was mounted on the vibrating discharge line and exposed to direct sun. We performed a zero trim over HART and recommended a remote mount with an impulse line; the reading now holds at 0.00 bar.',
    notes: ['Zero trim done remotely via Insight HART pass-through.'],
    kb: {
      title: 'PX-50 pressure zero drift',
      summary:
        'A PX-50 that does not read zero at atmospheric pressure needs a zero trim; recurring drift points to mounting conditions.',
      symptoms: ['Non-zero reading with the process vented', 'Slow drift over months'],
      cause: 'Mounting position change, temperature cycling or vibration on the sensing diaphragm.',
      steps: [
        'Vent the transmitter to atmosphere and let it stabilise for five minutes.',
        'Run Zero trim under Devices > HART in Insight or with a HART communicator.',
        'Avoid direct mounting on vibrating lines; use a remote mount and impulse line.',
        'Shield outdoor transmitters from direct sun.',
      ],
      keywords: 'PX-50, pressure, zero drift, zero trim, HART, calibration',
    },
  },
  {
    key: 'px-loop',
    products: ['CRV-PX50'],
    caseType: 2,
    titles: ['{product} output stuck at 3.6 mA', 'Pressure transmitter in alarm, loop current low'],
    report: [
      'Our PLC reads 3.6 mA from the {product} on the hydraulic unit at {site}, which it treats as a fault. Insight shows the pressure value fine.',
      'Loop current stuck at 3.6 mA on {count} transmitters after a power dip.',
    ],
    reply:
      'Could you check the loop supply voltage at the transmitter terminals under load? The PX-50 needs at least 10.5 V.',
    fix: 'The loop supply was 9.8 V at the terminals because of a long cable run and an extra barrier. Raising the supply to 24 V cleared the low-voltage alarm and the output follows pressure again.',
    notes: ['3.6 mA = NAMUR low alarm. Terminal voltage 9.8 V.'],
    kb: {
      title: 'PX-50 loop output stuck at 3.6 mA',
      summary:
        '3.6 mA is the NAMUR NE43 low alarm current. The PX-50 drives it when it detects an internal fault or too low a supply voltage.',
      symptoms: ['PLC sees 3.6 mA and raises a transmitter fault', 'Insight may still show a pressure value'],
      cause: 'Usually insufficient loop voltage at the terminals; less often an internal sensor fault.',
      steps: [
        'Measure the voltage at the transmitter terminals with the loop connected: it must be 10.5 V or more.',
        'Check barriers, long cable runs and the loop resistor for voltage drop.',
        'Read the device status over HART; a "Sensor failure" status means the unit needs replacement under RMA.',
        'After fixing the supply, cycle power and confirm the output follows the pressure.',
      ],
      keywords: 'PX-50, 3.6 mA, NAMUR, loop current, alarm, supply voltage, 4-20 mA',
    },
  },
  {
    key: 'ft-signal',
    products: ['CRV-FT400'],
    caseType: 2,
    titles: ['{product} shows low signal quality', 'No flow reading from clamp-on meter at {site}'],
    report: [
      'The {product} on our 300 mm cooling water line shows signal quality 12% and the flow value jumps around or drops to zero.',
      'We moved the {product} to a new pipe and it does not read any flow. The display says "Low signal".',
    ],
    reply:
      'Could you tell us the pipe material, wall thickness, lining and the straight run before and after the meter? Please also confirm couplant was applied under the transducers.',
    fix: 'The transducers were mounted with dried couplant on a cement-lined pipe using V-mount spacing for an unlined pipe. After entering the lining, switching to Z-mount and applying fresh couplant the signal quality is 78% and readings are stable.',
    notes: ['Pipe is cement-lined ductile iron; lining not configured.'],
    kb: {
      title: 'FT-400 low signal quality or no flow reading',
      summary:
        'Signal quality below 40% means the ultrasonic path is poor; check couplant, mounting method and pipe parameters.',
      symptoms: ['Display shows "Low signal"', 'Flow reading unstable or zero', 'Signal quality below 40%'],
      cause: 'Dry couplant, wrong transducer spacing, unconfigured lining, air bubbles or a partly filled pipe.',
      steps: [
        'Confirm the pipe is full and there are at least 10 diameters of straight run upstream.',
        'Enter outside diameter, wall thickness, material and lining exactly (see the pipe parameter article).',
        'Use the spacing shown on the display; switch from V-mount to Z-mount on large or lined pipes.',
        'Clean the pipe surface and apply fresh couplant under both transducers.',
        'Signal quality above 60% gives stable readings.',
      ],
      keywords: 'FT-400, flow meter, ultrasonic, signal quality, couplant, V-mount, Z-mount, lining',
    },
  },
  {
    key: 'ft-totals',
    products: ['CRV-FT400'],
    caseType: 2,
    titles: ['{product} totals do not match billing meter', 'Flow meter reads 8% high'],
    report: [
      'Monthly totals from our {product} at {site} are 8% higher than the utility billing meter on the same line.',
      'Compared the {product} against our magnetic flow meter: consistently 6-9% high.',
    ],
    reply:
      'Please send a photo of the pipe parameter screen and the pipe specification (outside diameter and wall thickness) so we can compare them.',
    fix: 'The outside diameter was entered as nominal 200 mm instead of the actual 219.1 mm, which inflated the calculated flow. After correcting the pipe parameters the totals agree with the billing meter within 1%.',
    notes: ['OD entered 200 mm; actual 219.1 mm (8 in schedule 40).'],
    kb: {
      title: 'FT-400 readings do not match a reference meter',
      summary: 'A constant percentage error almost always comes from wrong pipe parameters.',
      symptoms: ['Totals differ from a billing or reference meter by a constant percentage'],
      cause: 'Nominal instead of actual outside diameter, wrong wall thickness, or wrong material sound speed.',
      steps: [
        'Measure the outside circumference with a tape and divide by pi to get the actual outside diameter.',
        'Measure wall thickness with an ultrasonic thickness gauge where possible.',
        'Enter the values under Setup > Pipe and re-apply the transducer spacing.',
        'Compare totals again over at least 24 hours.',
      ],
      keywords: 'FT-400, accuracy, totals, pipe parameters, outside diameter, wall thickness, billing meter',
    },
  },
  {
    key: 'eh-cloud',
    products: ['CRV-EH10', 'CRV-EH20'],
    caseType: 2,
    titles: [
      '{product} offline – cannot connect to Insight cloud',
      'Gateway at {site} not sending data since firewall change',
    ],
    report: [
      'Our {product} at {site} shows "Cloud: disconnected" on its status page since this morning. IT made firewall changes last night. Local sensor readings are still visible on the gateway.',
      'The gateway has an IP address and can ping the router but Insight shows it offline. We are behind a proxy.',
    ],
    reply:
      'Could you run the connectivity test on the gateway (Diagnostics > Cloud test) and send us the result? Please also ask IT whether outbound TCP 443 and 8883 to *.insight.corvane.com are allowed.',
    fix: 'The new firewall rules blocked outbound TCP 8883 (MQTT over TLS). After IT allowed 8883 to *.insight.corvane.com the gateway reconnected and uploaded the buffered data.',
    notes: [
      'Cloud test: TLS handshake to mqtt endpoint times out; HTTPS OK. Port 8883 blocked.',
      'Gateway buffered 14 hours of data, backfilled after reconnect.',
    ],
    kb: {
      title: 'EdgeHub gateway cannot connect to the Insight cloud',
      summary:
        'EdgeHub gateways need outbound HTTPS (443) and MQTT over TLS (8883). Data is buffered locally for up to 30 days while the connection is down.',
      symptoms: [
        'Gateway status page shows "Cloud: disconnected"',
        'Insight shows the gateway and all its sensors offline',
        'Local readings still visible on the gateway',
      ],
      cause: 'Firewall or proxy changes, DNS problems, or TLS inspection that replaces certificates.',
      steps: [
        'Run Diagnostics > Cloud test on the gateway web page.',
        'Allow outbound TCP 443 and 8883 to *.insight.corvane.com.',
        'If a proxy is required, set it under Network > Proxy; MQTT then tunnels over 443.',
        'Exclude the gateway from TLS inspection; it pins the Insight certificate chain.',
        'Check DNS resolution and NTP; a clock more than five minutes off breaks TLS.',
        'After reconnecting, buffered data is uploaded automatically.',
      ],
      keywords: 'EdgeHub, EH-10, EH-20, gateway offline, firewall, proxy, port 443, port 8883, MQTT, TLS',
    },
  },
  {
    key: 'eh-lte',
    products: ['CRV-EH20'],
    caseType: 2,
    titles: ['{product} not registering on LTE network', 'LTE gateway stuck on "searching"'],
    report: [
      'The new {product} at our remote lift station in {site} stays on "LTE: searching". The SIM works in a phone.',
      '{product} lost cellular connection after the carrier changed something. Signal bars show 1 of 5.',
    ],
    reply:
      'Could you send us the APN configured under Network > Cellular and the signal values (RSRP and RSRQ) from Diagnostics?',
    fix: 'The SIM required a private APN which was not configured, and RSRP was -118 dBm inside the steel enclosure. After setting the APN and fitting the external antenna the gateway registered with RSRP -96 dBm.',
    notes: ['APN blank; carrier requires iot.private APN.'],
    kb: {
      title: 'EH-20 LTE gateway does not connect to the cellular network',
      summary:
        'Most LTE connection problems come from a missing APN, an unsupported band or weak signal in metal enclosures.',
      symptoms: ['Status "LTE: searching" or "registration denied"', 'Frequent reconnects', 'Low signal bars'],
      cause:
        'Missing or wrong APN, SIM not activated for data, band not supported, or poor signal (RSRP below -110 dBm).',
      steps: [
        'Set the APN from your carrier under Network > Cellular and save.',
        'Confirm the SIM is activated for data and not PIN-locked.',
        'Read RSRP and RSRQ in Diagnostics; below -110 dBm fit the external antenna outside the enclosure.',
        'Use the second SIM slot with another carrier for remote sites with marginal coverage.',
      ],
      keywords: 'EH-20, LTE, cellular, APN, SIM, RSRP, antenna, registration',
    },
  },
  {
    key: 'eh-clock',
    products: ['CRV-EH10'],
    caseType: 2,
    titles: ['Wrong timestamps and data gaps from {product}', 'Trend data shifted by hours'],
    report: [
      'Data from the {product} at {site} appears with timestamps several hours in the future in Insight, and some days have gaps.',
      'After a power outage the gateway clock reset and Insight shows readings dated January 2020.',
    ],
    reply:
      'Could you check the time shown on the gateway status page and whether NTP (UDP 123) is reachable from the gateway network?',
    fix: 'NTP was blocked, so the gateway clock drifted and reset after the power loss. We configured the plant NTP server on the gateway; timestamps are correct and the backfilled data was re-stamped.',
    notes: ['Gateway clock 3 h 40 min ahead. NTP unreachable.'],
    kb: {
      title: 'Gateway timestamps are wrong or data appears in the wrong place',
      summary: 'EdgeHub gateways timestamp readings with their own clock, which must be synchronised through NTP.',
      symptoms: ['Readings appear in the future or far in the past', 'Gaps or overlaps in trend charts'],
      cause: 'NTP blocked or unreachable; clock reset after a power outage.',
      steps: [
        'Compare the gateway time on the status page with the current UTC time.',
        'Allow UDP 123 to pool.ntp.org or set your plant NTP server under Network > Time.',
        'Restart the time service and confirm the offset is below one second.',
        'Ask support to re-stamp readings uploaded with a wrong clock.',
      ],
      keywords: 'EdgeHub, NTP, clock, timestamp, time sync, data gaps',
    },
  },
  {
    key: 'ins-sso',
    products: ['CRV-INS-ENT'],
    caseType: 2,
    titles: ['Users cannot sign in to Insight with single sign-on', 'SSO login fails with "invalid signature"'],
    report: [
      'Since this morning none of our users at {site} can sign in to Insight. The SSO page shows "SAML response signature is invalid".',
      'Single sign-on to Insight stopped working for everyone in our company. Local admin login still works.',
    ],
    reply:
      'Did your identity team renew or rotate the SAML signing certificate recently? If so, please send us the new certificate or the updated federation metadata URL.',
    fix: 'The identity provider rotated its SAML signing certificate. After uploading the new certificate under Administration > Single sign-on, users can sign in again.',
    notes: ['IdP cert rotated yesterday; Insight still had old thumbprint.'],
    kb: {
      title: 'Single sign-on to Insight fails',
      summary:
        'Insight Enterprise supports SAML 2.0 single sign-on. Sign-in fails when the signing certificate or the reply URL does not match.',
      symptoms: [
        '"SAML response signature is invalid"',
        '"User not assigned to application"',
        'Redirect loop after sign-in',
      ],
      cause:
        'Rotated identity provider certificate, wrong reply URL, or users not assigned to the enterprise application.',
      steps: [
        'Sign in with a local administrator account.',
        'Under Administration > Single sign-on, upload the current signing certificate or set the metadata URL so it refreshes automatically.',
        'Check that the reply URL is https://login.insight.corvane.com/saml/acs.',
        'Make sure users or groups are assigned to the application in the identity provider.',
      ],
      keywords: 'SSO, SAML, single sign-on, login, certificate, Entra ID, Insight Enterprise',
    },
  },
  {
    key: 'ins-alerts',
    products: ['CRV-INS-STD', 'CRV-INS-ENT'],
    caseType: 2,
    titles: ['Alert emails from Insight not received', 'Maintenance team not getting alarm notifications'],
    report: [
      'A bearing on conveyor 3 at {site} went into alarm yesterday but nobody got an email. The alarm is visible in Insight.',
      'Our shift supervisors stopped receiving alert emails about two weeks ago. SMS still works.',
    ],
    reply:
      'Could you check whether alerts@insight.corvane.com is in your mail quarantine and whether the alert rule for that asset still has recipients?',
    fix: "The company mail gateway started quarantining messages from alerts@insight.corvane.com after a policy change. After IT allow-listed the sender, alert emails arrive again. We also added the shift group to the rule's escalation step.",
    notes: ['Delivery logs show 250 OK from customer MX; mail quarantined on their side.'],
    kb: {
      title: 'Alert notifications are not delivered',
      summary:
        'If alarms appear in Insight but no one is notified, check the alert rule recipients and the mail or SMS delivery path.',
      symptoms: ['Alarm visible in Insight but no email or SMS', 'Only some recipients receive notifications'],
      cause: 'Mail filtering of alerts@insight.corvane.com, rule without recipients, or muted assets.',
      steps: [
        'Open the alarm and select Delivery to see whether notifications were sent.',
        'If sent, ask IT to allow-list alerts@insight.corvane.com and check quarantine.',
        'If not sent, open the alert rule and check recipients, schedule and mute settings.',
        'Use escalation steps so that unacknowledged alarms reach a second group.',
      ],
      keywords: 'alerts, notifications, email, SMS, alarm, escalation, Insight',
    },
  },
  {
    key: 'api-429',
    products: ['CRV-API'],
    caseType: 1,
    titles: ['Insight Data API returns 429 Too Many Requests', 'Historian integration hitting API limits'],
    report: [
      'Our historian integration at {site} gets HTTP 429 from the Insight Data API every few minutes. We poll all {count} sensors every minute.',
      'We are building a data lake export and get "429 Too Many Requests" after a few hundred calls. What are the limits?',
    ],
    reply:
      'The API allows 600 requests per minute per site. Could you share how the integration queries data (per sensor or batch endpoints)?',
    fix: 'The integration called the per-sensor endpoint for each sensor every minute. Switching to the batch readings endpoint and honouring the Retry-After header keeps it well within the limit.',
    notes: ['Customer polled 900 sensors/min individually. Suggested batch endpoint + MQTT subscription.'],
    kb: {
      title: 'Insight Data API rate limits and HTTP 429',
      summary:
        'The Insight Data API allows 600 requests per minute per site and returns HTTP 429 with a Retry-After header when the limit is exceeded.',
      symptoms: ['HTTP 429 Too Many Requests', 'Integration falls behind during polling'],
      cause: 'Polling each sensor individually or retrying immediately without waiting.',
      steps: [
        'Use GET /v2/sites/{id}/readings with a time window to fetch many sensors in one call.',
        'Honour the Retry-After header before retrying.',
        'For near-real-time data subscribe to the MQTT stream instead of polling.',
        'Contact support to raise limits for large multi-site deployments.',
      ],
      keywords: 'API, rate limit, 429, Retry-After, historian, integration, MQTT, Data API',
    },
  },
  {
    key: 'ins-dashboard',
    products: ['CRV-INS-ENT', 'CRV-INS-STD'],
    caseType: 2,
    titles: ['Insight dashboards slow to load', 'Trend charts time out for long date ranges'],
    report: [
      'The site overview dashboard for {site} takes more than a minute to load and the trend charts for 12 months time out.',
      'Our reliability engineers complain that Insight is very slow when comparing {count} assets.',
    ],
    reply:
      'Could you share the dashboard name and the number of widgets and assets on it? Raw-resolution trends over long ranges are the usual cause.',
    fix: 'The dashboard had 40 trend widgets set to raw resolution over 12 months. Switching them to hourly aggregates and splitting the dashboard by area brought load time under five seconds.',
    notes: ['Dashboard has 40 widgets, raw resolution.'],
    kb: {
      title: 'Insight dashboards or trends load slowly',
      summary:
        'Dashboards that chart raw data over long periods load slowly; use aggregated resolution for ranges over one week.',
      symptoms: ['Dashboard takes more than 30 seconds to load', 'Trend charts time out for long ranges'],
      cause: 'Many widgets at raw resolution, very long ranges, or many assets per chart.',
      steps: [
        'Set trend widgets to Auto or Hourly resolution for ranges over seven days.',
        'Keep dashboards under 20 widgets; split large sites by area.',
        'Use the Compare view for more than ten assets.',
        'Clear the browser cache after changing resolution settings.',
      ],
      keywords: 'dashboard, slow, performance, trend, timeout, resolution, Insight',
    },
  },
  {
    key: 'pdm-baseline',
    products: ['CRV-PDM'],
    caseType: 1,
    titles: ['Predictive model shows "insufficient baseline"', 'Why no anomaly scores for new assets?'],
    report: [
      'We enabled the Predictive Maintenance Module for {count} assets at {site} two weeks ago, but most of them still show "Insufficient baseline" instead of a health score.',
      'How long does the model need before it gives remaining-useful-life estimates?',
    ],
    reply:
      'The model needs 14 days of data covering the normal operating states of each asset. Do these machines run intermittently or at varying speeds?',
    fix: 'The assets run only on weekdays and at two speeds, so the baseline needed more data. We tagged the operating states, and all assets now have health scores; RUL estimates appear after 30 days.',
    notes: ['Assets on batch schedule; baseline coverage 40%.'],
    kb: {
      title: 'Predictive maintenance shows "insufficient baseline"',
      summary:
        'The anomaly model learns normal behaviour per asset. It needs 14 days covering the usual operating states; remaining-useful-life estimates need 30 days.',
      symptoms: ['Health score shows "Insufficient baseline"', 'No remaining-useful-life estimate'],
      cause: 'Not enough data, intermittent operation, or operating states that have not occurred yet.',
      steps: [
        'Check Baseline coverage on the asset page; the model starts at 80%.',
        'For variable-speed assets, connect a speed signal or tag operating states.',
        'Exclude maintenance periods from the baseline under Asset > Events.',
        'Wait for 14 days of representative operation.',
      ],
      keywords: 'predictive maintenance, baseline, anomaly, health score, remaining useful life, RUL, PdM',
    },
  },
  {
    key: 'license-limit',
    products: ['CRV-INS-STD', 'CRV-INS-ENT'],
    caseType: 1,
    titles: ['Cannot add more assets – license limit reached', 'Question about Insight asset licenses'],
    report: [
      'When adding new assets at {site} Insight says "Asset license limit reached". We thought we had {count} licenses.',
      'Do decommissioned assets still count against our Insight license?',
    ],
    reply:
      'Archived assets do not count, but assets that are only disabled still do. Could you check Administration > Licenses for the current usage?',
    fix: 'Thirty-two replaced assets were disabled rather than archived and still used licenses. After archiving them there is room for the new assets. We also shared the renewal quote for additional licenses.',
    notes: ['32 disabled assets still licensed.'],
    kb: {
      title: 'Insight asset license limit reached',
      summary: 'Every active or disabled asset uses one license; archived assets do not.',
      symptoms: ['"Asset license limit reached" when adding assets'],
      cause:
        'Replaced or decommissioned assets left disabled instead of archived, or the subscription needs more licenses.',
      steps: [
        'Open Administration > Licenses to see used and available licenses.',
        'Filter assets by status Disabled and archive those that are no longer monitored.',
        'Archived history stays available for reporting.',
        'Contact your account manager to add licenses mid-term; they are co-termed with the subscription.',
      ],
      keywords: 'license, asset limit, subscription, archive, Insight',
    },
  },
  {
    key: 'rma',
    products: ['CRV-VX200', 'CRV-EH10', 'CRV-PX50', 'CRV-TL100'],
    caseType: 3,
    titles: ['RMA request for damaged {product}', 'Return authorization for {count} failed {product} units'],
    report: [
      'One {product} at {site} was damaged by a forklift and another one stopped reporting completely. Please arrange a return and replacement.',
      'We need an RMA for {count} {product} units that failed within warranty.',
    ],
    reply:
      'Please send the serial numbers, a short description of each failure and photos of any physical damage, and we will issue the RMA number.',
    fix: 'We issued the RMA and shipped advance replacements. The unit that stopped reporting had a failed radio module and is covered by warranty; the forklift damage was handled at the reduced replacement price.',
    notes: ['Serials received; one warranty, one physical damage.'],
    kb: {
      title: 'Returning a device (RMA process)',
      summary: 'How to request a return material authorization for Corvane hardware and what is covered by warranty.',
      symptoms: ['Device physically damaged', 'Device dead after troubleshooting'],
      cause: 'Hardware failure or damage.',
      steps: [
        'Open a case with serial numbers, failure description and photos.',
        'Support confirms troubleshooting and issues an RMA number.',
        'Warranty units are replaced in advance; ship the failed unit back within 30 days with the RMA label.',
        'Physical damage is not covered but qualifies for the reduced replacement price.',
      ],
      keywords: 'RMA, return, replacement, warranty, damaged, failed device',
    },
  },
  {
    key: 'training',
    products: ['CRV-SVC-TRN', 'CRV-INS-STD'],
    caseType: 3,
    titles: ['Training request for new maintenance staff', 'Insight training for the {site} team'],
    report: [
      'We hired {count} new maintenance technicians at {site} and would like them trained on Insight and on basic vibration analysis.',
      'Can you run a refresher session on alert tuning for our reliability team?',
    ],
    reply:
      'We offer the two-day Reliability Analytics Training on site or online. Could you share preferred dates and the number of participants?',
    fix: 'We scheduled an online Reliability Analytics Training session and sent the invitations and preparation material.',
    notes: ['Passed to training coordinator; dates proposed.'],
    kb: {
      title: 'Training options for Insight users',
      summary:
        'Corvane offers self-paced videos, the two-day Reliability Analytics Training and tailored on-site sessions.',
      symptoms: ['New users need onboarding', 'Teams want to tune alerts better'],
      cause: 'Staff changes or expanded deployments.',
      steps: [
        'New users start with the self-paced videos under Help > Academy.',
        'Book the Reliability Analytics Training for in-depth vibration basics and alert tuning.',
        'Premium Support customers get one tailored remote session per year included.',
      ],
      keywords: 'training, onboarding, academy, Reliability Analytics Training, alert tuning',
    },
  },
  {
    key: 'cs20-ratio',
    products: ['CRV-CS20'],
    caseType: 2,
    titles: ['{product} current readings wrong by a factor', 'Motor current shows 10x actual value'],
    report: [
      'The {product} sensors on our conveyor motors at {site} show around 120 A while the drive shows 12 A.',
      'Current readings from {count} {product} sensors do not match the clamp meter.',
    ],
    reply:
      'Which current range is selected in the sensor configuration, and are the sensors clamped around a single phase conductor?',
    fix: 'The sensors were configured for the 0-50 A range while installed with the 0-500 A scale; after correcting the range, readings match the drive within 2%.',
    notes: ['Range mismatch in configuration.'],
    kb: {
      title: 'CS-20 current readings do not match the motor current',
      summary:
        'Wrong current range configuration or clamping around more than one conductor gives readings off by a fixed factor or near zero.',
      symptoms: ['Reading off by a factor of 10', 'Reading near zero while the motor runs'],
      cause:
        'Range setting does not match the installed sensor, or the sensor encloses several conductors whose currents cancel.',
      steps: [
        'Check the range in Devices > Configuration (0-50 A or 0-500 A).',
        'Clamp the sensor around one phase conductor only.',
        'Compare with a clamp meter at steady load.',
      ],
      keywords: 'CS-20, current sensor, motor current, range, CT ratio, amps',
    },
  },
]

/** General how-to articles without a specific failure. */
export const HOWTO_ARTICLES: Array<{
  key: string
  title: string
  summary: string
  products: string[]
  sections: Array<[string, string[]]>
  keywords: string
}> = [
  {
    key: 'install-vx',
    title: 'Mounting VX vibration sensors: best practices',
    summary: 'Correct mounting location and method determine the quality of vibration data.',
    products: ['CRV-VX200', 'CRV-VX300', 'CRV-VX-MNT'],
    sections: [
      [
        'Location',
        ['Mount as close to the bearing as possible, on the load zone.', 'Avoid thin covers, fan shrouds and guards.'],
      ],
      [
        'Method',
        [
          'Preferred: epoxy pad and stud from the VX Mounting Kit, torqued to 2 N·m.',
          'Magnetic mounting only on flat, bare metal.',
          'Align the sensor X axis with the shaft.',
        ],
      ],
    ],
    keywords: 'installation, mounting, VX-200, bearing, epoxy, stud',
  },
  {
    key: 'network-plan',
    title: 'Planning a wireless sensor network',
    summary: 'Rules of thumb for placing EdgeHub gateways and RP-5 range extenders.',
    products: ['CRV-EH10', 'CRV-RP5', 'CRV-VX200'],
    sections: [
      [
        'Range',
        ['Up to 100 m indoors with obstacles, 300 m with line of sight.', 'Each EdgeHub supports up to 250 sensors.'],
      ],
      [
        'Placement',
        [
          'Mount gateways high and central.',
          'Plan one RP-5 per large obstruction such as tanks or steel walls.',
          'Run a site survey with the Insight mobile app before installation.',
        ],
      ],
    ],
    keywords: 'network planning, range, site survey, EdgeHub, RP-5, placement',
  },
  {
    key: 'battery-life',
    title: 'Estimating VX-200 battery life',
    summary: 'How reporting interval, waveform capture and temperature affect battery life.',
    products: ['CRV-VX200', 'CRV-VX-BAT'],
    sections: [
      [
        'Typical life',
        [
          'Hourly readings, daily waveform, 25 °C: about 5 years.',
          '10-minute readings: about 2 years.',
          'Below -10 °C: reduce estimates by 30%.',
        ],
      ],
      ['Replacing', ['Use only the VX Replacement Battery Pack.', 'Replace the O-ring when opening the housing.']],
    ],
    keywords: 'battery life, estimate, VX-200, reporting interval, battery pack',
  },
  {
    key: 'firmware',
    title: 'Updating gateway and sensor firmware',
    summary: 'How to update EdgeHub gateways and VX sensors safely.',
    products: ['CRV-EH10', 'CRV-EH20', 'CRV-VX200'],
    sections: [
      [
        'Gateways',
        [
          'Update from Insight > Devices > Gateways > Update, or upload the file on the gateway web page.',
          'Buffered data is kept during the update.',
        ],
      ],
      [
        'Sensors',
        [
          'Sensor updates run over the air, in batches of 20.',
          'Sensors below 30% battery are skipped until the battery is replaced.',
        ],
      ],
    ],
    keywords: 'firmware update, OTA, gateway, sensor, release notes',
  },
  {
    key: 'firewall',
    title: 'Network and firewall requirements for EdgeHub gateways',
    summary: 'Ports and endpoints the gateway needs to reach the Insight cloud.',
    products: ['CRV-EH10', 'CRV-EH20'],
    sections: [
      [
        'Outbound',
        [
          'TCP 443 to *.insight.corvane.com (HTTPS).',
          'TCP 8883 to mqtt.insight.corvane.com (MQTT over TLS).',
          'UDP 123 for NTP.',
        ],
      ],
      [
        'Notes',
        [
          'No inbound ports are needed.',
          'Exclude the gateway from TLS inspection.',
          'Proxy support: HTTP CONNECT with basic authentication.',
        ],
      ],
    ],
    keywords: 'firewall, ports, 443, 8883, proxy, network requirements, EdgeHub',
  },
  {
    key: 'alert-rules',
    title: 'Configuring alert rules and escalation in Insight',
    summary: 'Set thresholds, recipients and escalation so that alarms reach the right people.',
    products: ['CRV-INS-STD', 'CRV-INS-ENT'],
    sections: [
      [
        'Thresholds',
        [
          'Start with ISO 20816 zones for the machine class.',
          'Use confirmation of two samples to avoid nuisance alarms.',
        ],
      ],
      [
        'Escalation',
        [
          'Add a second step that notifies supervisors after 30 minutes without acknowledgement.',
          'Use schedules to route alarms to the shift on duty.',
        ],
      ],
    ],
    keywords: 'alert rules, thresholds, escalation, notifications, ISO 20816',
  },
  {
    key: 'sso-setup',
    title: 'Setting up SAML single sign-on for Insight',
    summary: 'Connect Insight Enterprise to your identity provider.',
    products: ['CRV-INS-ENT'],
    sections: [
      [
        'Steps',
        [
          'Create an enterprise application in your identity provider with reply URL https://login.insight.corvane.com/saml/acs.',
          'Upload the federation metadata URL under Administration > Single sign-on.',
          'Map the email claim to the Insight user name.',
          'Test with a pilot group before enforcing SSO for everyone.',
        ],
      ],
    ],
    keywords: 'SSO, SAML, setup, identity provider, Entra ID, Okta',
  },
  {
    key: 'api-guide',
    title: 'Getting started with the Insight Data API',
    summary: 'Authenticate, query readings in batches and stream data with MQTT.',
    products: ['CRV-API'],
    sections: [
      [
        'Authentication',
        [
          'Create an API client under Administration > API and use the client credentials flow.',
          'Tokens are valid for 60 minutes.',
        ],
      ],
      [
        'Querying',
        [
          'Use batch endpoints with time windows.',
          'Limit: 600 requests per minute per site; honour Retry-After on 429.',
        ],
      ],
    ],
    keywords: 'API, REST, MQTT, authentication, client credentials, integration',
  },
  {
    key: 'site-onboarding',
    title: 'Onboarding a new site: checklist',
    summary: 'Steps from kickoff to first alerts for a new monitoring site.',
    products: ['CRV-EH10', 'CRV-VX200', 'CRV-INS-STD'],
    sections: [
      [
        'Before installation',
        [
          'Agree on the asset list and criticality.',
          'Confirm network access and firewall rules.',
          'Run a radio site survey.',
        ],
      ],
      [
        'After installation',
        ['Verify every sensor reports for 48 hours.', 'Set alert rules and recipients.', 'Schedule a 30-day review.'],
      ],
    ],
    keywords: 'onboarding, new site, checklist, commissioning, kickoff',
  },
  {
    key: 'iso-zones',
    title: 'Understanding vibration severity zones',
    summary: 'How Insight uses ISO 20816 zones A to D to classify vibration levels.',
    products: ['CRV-VX200', 'CRV-INS-STD'],
    sections: [
      [
        'Zones',
        [
          'Zone A: newly commissioned machines.',
          'Zone B: acceptable for long-term operation.',
          'Zone C: plan maintenance.',
          'Zone D: damage likely; act now.',
        ],
      ],
      [
        'Machine classes',
        ['Select the machine group and foundation type on the asset page; thresholds follow automatically.'],
      ],
    ],
    keywords: 'ISO 20816, ISO 10816, vibration severity, zones, thresholds, mm/s',
  },
  {
    key: 'calibration',
    title: 'Calibration certificates and recalibration intervals',
    summary: 'Which devices come with certificates and how often to recalibrate.',
    products: ['CRV-TL100', 'CRV-PX50', 'CRV-SVC-CAL'],
    sections: [
      [
        'Certificates',
        [
          'TL-100 and PX-50 ship with a factory calibration certificate.',
          'Certificates are available under Devices > Documents.',
        ],
      ],
      [
        'Intervals',
        [
          'Recommended recalibration: every 24 months, or as your quality system requires.',
          'Book an on-site calibration visit for traceable certificates.',
        ],
      ],
    ],
    keywords: 'calibration, certificate, traceable, interval, TL-100, PX-50',
  },
  {
    key: 'battery-replace',
    title: 'Replacing the VX-200 battery pack',
    summary: 'Step-by-step battery replacement without losing sensor configuration.',
    products: ['CRV-VX200', 'CRV-VX-BAT'],
    sections: [
      [
        'Steps',
        [
          'Open the housing with the supplied key.',
          'Disconnect the old pack and wait ten seconds.',
          'Connect the new pack, replace the O-ring and close the housing.',
          'Tap the magnet; the sensor reconnects with its previous configuration.',
        ],
      ],
    ],
    keywords: 'battery replacement, VX-200, battery pack, O-ring',
  },
  {
    key: 'px-hart',
    title: 'Configuring the PX-50 over HART',
    summary: 'Change range, damping and units remotely with HART pass-through in Insight.',
    products: ['CRV-PX50'],
    sections: [
      [
        'Steps',
        [
          'Open Devices > HART for the transmitter.',
          'Set the upper and lower range values and units.',
          'Adjust damping to 0.5-2 s for noisy processes.',
          'Write the configuration and verify the loop output.',
        ],
      ],
    ],
    keywords: 'PX-50, HART, configuration, range, damping, units',
  },
  {
    key: 'ft-setup',
    title: 'Entering pipe parameters on the FT-400',
    summary: 'Correct pipe data is essential for ultrasonic flow accuracy.',
    products: ['CRV-FT400'],
    sections: [
      [
        'Parameters',
        [
          'Actual outside diameter (not nominal).',
          'Wall thickness and material.',
          'Lining material and thickness.',
          'Fluid type and temperature.',
        ],
      ],
      ['Mounting', ['V-mount for pipes up to 300 mm, Z-mount above.', 'Use the spacing shown on the display.']],
    ],
    keywords: 'FT-400, pipe parameters, setup, outside diameter, V-mount, Z-mount',
  },
  {
    key: 'licenses',
    title: 'Managing asset licenses in Insight',
    summary: 'How licenses are counted and how to free or add them.',
    products: ['CRV-INS-STD', 'CRV-INS-ENT', 'CRV-PDM'],
    sections: [
      [
        'Counting',
        [
          'Active and disabled assets use a license; archived assets do not.',
          'Predictive Maintenance licenses are assigned per asset.',
        ],
      ],
      [
        'Changes',
        ['Additional licenses are co-termed with the subscription.', 'Unused licenses can be moved between sites.'],
      ],
    ],
    keywords: 'licenses, subscription, assets, archive, co-term',
  },
  {
    key: 'support-plans',
    title: 'Support plans and response times',
    summary: 'What Standard and Premium Support include.',
    products: ['CRV-SVC-PREM'],
    sections: [
      ['Standard', ['Email and web cases, business hours.', 'Response within 1 business day.']],
      [
        'Premium',
        [
          '24x7 phone support, 4-hour response for high-priority cases.',
          'Named support engineer and quarterly health checks.',
        ],
      ],
    ],
    keywords: 'support plan, SLA, response time, premium support',
  },
]
