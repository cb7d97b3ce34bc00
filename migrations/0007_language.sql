-- crm-roi schema, version 7: the language people read crm-roi in, when set for this database
-- (`crm-roi settings set language fr`); --lang, CRM_ROI_LANG and the locale come first.

ALTER TABLE settings ADD COLUMN language TEXT CHECK (language IS NULL OR language = 'en' OR language = 'fr');
