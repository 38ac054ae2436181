# Sharing profile (format: docs/profiles.md). Checked by `redact profiles check`.
# A local authority is not entitled to spent convictions or offence-related information unless the
# Rehabilitation of Offenders Act 1974 allows it: the offence-information pack runs, such findings are
# redacted, and documents holding them are held for review. The defendant's name is kept for safeguarding.

id = local-authority
version = 2026.11.1
label = Local authority (incl. children's and adult social care)
recipients = local-authority
legal_basis = Offender Management Act 2007 s.14 (relevant local authorities are List B); Children Act 2004 s.11; Care Act 2014 s.45
section14 = B
agreement = 3
signatory = regional-director
offence_pack = true

# Categories (taxonomy ids) redacted, with the justification code recorded for each.
redact = nino identity-document
redact = nhs_number medical
redact = pnc_id criminal-record
redact = cro_number criminal-record
redact = prison_number criminal-record
redact = crn criminal-record
redact = passport_number identity-document
redact = driving_licence identity-document
redact = vehicle_registration privacy
redact = sort_code financial
redact = bank_account financial
redact = payment_card financial
redact = iban financial
redact = phone_number contact-details
redact = email_address contact-details
redact = postcode contact-details
redact = ip_address privacy
redact = date_of_birth privacy
redact = person_name third-party-data
redact = address contact-details
redact = special_category special-category
redact = offence_information spent-conviction

# Names from the --names list, by the party's role (a name without a role follows person_name).
redact_role = victim third-party-data
redact_role = witness third-party-data
keep_role = defendant required-for-case
redact_role = officer privacy
redact_role = professional third-party-data
