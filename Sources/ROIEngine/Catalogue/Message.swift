/// Every text people read, in English and in French, each written once with named placeholders
/// (`{amount}`); `Catalogue.text` fills them. Plain Swift data in one place: the compiler sees that
/// every message has both languages, and a test that both use the same placeholders.
public enum Message: String, CaseIterable, Sendable {
  case errorPrefix
  case reportTitle
  case settingsLine
  case asOf, asOfNothing
  case totalCostOfOwnership, breakEvenQuarter, notReached
  case projectedPayback, projectedPaybackNone, withinNoise
  case legendROI, legendRolling, legendCumulative, legendPartial
  case columnQuarter, columnCost, columnBenefit, columnROI, columnRolling, columnCumulativeNet
  case verdictNothingYet
  case months, month, years, year, yes, no
  case noiseHeading, columnBenefitLow, columnBenefitHigh, columnInNoise, columnRollingLow, columnRollingHigh
  case discountedHeading, presentValueOfBenefit, presentValueOfCost, netPresentValue, discountedROI, discountedBreakEven
  case projectionHeading, runRate, lifetimeBenefit, lifetimeROI, projectedBreakEven, notByHorizonEnd
  case objectivesHeading, noData, columnMetric, columnTarget, columnBaseline, columnCurrent, columnChange, columnTargetValue, columnMet
  case warningsHeading
  case warningShortHistory, warningThinBaselineOne, warningThinBaselineMany, warningSeasonal, warningDoubleCount
  case warningWithinNoise, warningMissingOne, warningMissingMany, warningPartial, andMore
  case demoDatabase
  case valueMissing, valueInvalid, formQuarter, formFiscalQuarter, formMonth, formDate, formOneOf, formFrequency, formHours, formLanguage, formLanguageVariable
  case formCurrency, formWholeAmount, formDecimalAmount, formPercent, formPercentWithSign, formTarget, formAttribution, formMetricName, formPlainDecimal, formAmountNotNegative, formWholeCount
  case formBaselineMethod, formSeasonalNeedsAYear, formHorizonEnd, formWholeNumberRange, formNoOptionForKind, formMarginRequired, formUnitValueRequired, formCountSeries, formMoneySeries, formMargin, formNonZeroAmount, formFinishedMonth, formMonthNoLaterThan, formNoValueFromOrders, longNameShown, unknownMetricNoneYet, unknownMetric, unknownMetricGuess
  case noNoiseBandSeasonal, noNoiseBand, noBaseline, seasonalNeedsAYear, seasonalMonthsMissing, emptyQuarterRange
  case checkBaselineGaps, checkGaps, checkNothingSinceGoLive, checkRunningMonth, checkPartlyLogged, checkExpenseAfterHorizon, checkExpenseEndsBeforeStart, listAndMore
  case checkWarning, checkNote, checkNoReport, checkIntegrity, checkCorrupt, checkForeignKey
  case formPositiveAmount, formDateNotLongBeforeGoLive, formLaborInRange, formLaborWorthSomething, formLaborAmount, formAmountOrLabor, formHoursWithRate, formRateWithHours, formMonthNotBefore, formUntilOnlyRecurring
  case storeNoDatabase, storeIsDirectory, storeNotCRMROI, storeNewerSchema, storeNotInitialized, storeAlreadyInitialized, storeDuplicateMetric, storeMetricHasOneSnapshot, storeMetricHasSnapshots, storeNoSuchExpense, storeCurrencyDecimals, storeCurrencyRelabel, storeNotWritable, storeFolderNotWritable, storeNotARegularFile, storeUnexpectedValue, storeEmptyFile, storeCorrupt, storeBackupExists, storeTargetNotRegular, storeTargetIsADatabase, storeGoLiveLeavesExpense, storeKindDoesNotFit, storeBackupOntoItself, storeExpenseNotRemoved, storeChangedDuringImport, storeCustomerKeyRaced, storeDerivedOutOfRange, storeDemoPathTaken, storeCannotCreateFolder
  case verbatim, cannotWriteOutput, cannotWriteFile, temporaryReplaced, alreadyExists, cannotRemove
  case columnWithoutName, atLine, atColumn, cannotOpen, readableCSV, isADirectory, aCSVFile, noByteOrderMark, notUTF16, cannotRead, fieldTooLong, quoteNeverClosed, textAfterQuote, quoteInsideField, notUTF8, nulInField, oneBadValue, badValues, badValuesListed, columnTwice, valueWithoutColumnName, unknownColumn
  case aComma, aSemicolon, aTab, aCharacter
  case ruleIncomplete, ruleTooLong, ruleNotAnAccount, ruleAccountForm, ruleVATAccount, ruleSupplierForm, ruleNotASupplier, ruleLabelForm, ruleNotAPattern, rulePatternRefused, ruleMetricForm, ruleNotAMetric, ruleSide, fecRuleUnknown, fecNoRules, ruleQuoteNeverClosed, rulePatternNeverClosed
  case aRulesFile, ruleWrongLength, ruleSkipForm, ruleSkipCount, ruleColumnForm, ruleFieldTwice, ruleCategoryForm, ruleNegateForm, ruleIfForm, ruleIfSkipForm, ruleIfCategoryForm, ruleIfAction, csvRuleUnknown, ruleNoHeader, ruleNoColumn
  case formEncoding, formDateNotLongBefore, fecSumOutOfRange, fecMetricMonth, fecMetricSum, ordersEmptyFile, ordersOtherPreset, ordersMissingColumns, formOrderAmount, formOrderID, formOrderOnce, formOrderOnceShopify, formDatabaseCurrency, formOrderDate, formOrderNetInRange, formOrderTotal, formOrderNet, formRefunded, formStatus
  case fecHeader, aFECFile, fecEmpty, fecNoSeparator, fecNoColumn, fecPipes, fecTabs, fecOneField, fecFieldCount, nulByte, fecRequired, fecDifferenceOutOfRange, fecDateForm, fecRealDay, fecWholeAmount, fecAmount, fecSide, notUTF16Text, formDayFirstDate, formMonthFirstDate, formHumanMonth, formDayFirstNoMonth, formExistingDate, formCommaNumber, formPointNumber, formCurrencySymbol, formCurrencyCode
  case expensesEmptyFile, expenseColumns, expenseHeaderLacks, fieldCount, ambiguousNumber, metricsEmptyFile, metricsNoMonth, metricColumnUnknown, valueTwice
  case formDatabasePath, formPercentRange, fromSource, sourceEnvironment
  case categoryLicense, categoryInstallation, categoryHardware, categoryLabor, categoryService, categoryTraining, categoryMaintenance, categoryOther, everyMonth, everyQuarter, everyYear, expenseSummary, recursToHorizonEnd, recursUntil, columnID, columnDate, columnCategory, columnAmount, columnRecurs, columnUntil, columnNote, columnSupplier, laborNote, recursEvery, once, horizon, expenseAdded, noExpensesYet, expenseRestored, expenseRemoved, formExpenseID, formSomeField, formEveryOrNone, formUntilOrNone, formNoUntilWhenOnce, expenseUpdated, expenseUnchanged, formSomePair, formPair, formMetricOnce, sourceValueOf, logged, unloggedOne, unlogged, sourceGoLiveAndHorizon, created, wrote, formLimit, columnTime, columnAction, columnSubject, columnOld, columnNew, noHistoryYet, noProblems, oneFinding, findings, backedUp, sourceMetricName, metricAdded, formSomeMetricOption, metricUpdated, columnName, columnKind, columnMoneyPerChange, columnAttribution, factorMargin, factorPerUnit, factorCost, factorNone, kindFromOrders, noMetricsYet, metricRemoved, relabelled, settingsShown, languageNotSet, formSetting
  case formDelimiter, formOneDecimalMark, formDateOrder
  case dialectSummary, commaSeparated, semicolonSeparated, tabSeparated, decimalComma, decimalPoint, monthFirstDates, imported, wouldImport, importedExpenses, importedMetrics, importedOrders, ordersLeftOut, lineItemsPassedOver, importedFEC
  case databaseDamaged
  case fecFiscalYearFromName, fecFiscalYearFromDates, fecRegroupedJournal, fecRuleTookNothing, fecRuleTally, importLeftOutHeading, fecLeftOutCredit, fecLeftOutOpening, fecLeftOutAlready, fecTakenHeading, fecTargetExpense, fecTargetMetric, fecTargetLeftOutCredit, fecTargetLeftOutOpening, fecTakenBy
  case ordersNotCountedStatus, ordersWithoutID, ordersWithoutCustomer
  case formPointTwoWays, fecFiscalYearNameDisagrees, ordersKeptOlder, ordersPresetDetected, alsoWindows1252, warningIncompleteMonthIncluded, asOfIncomplete, lineOne, lineMany, ordersKeptOne, fecTargetAlready, rowsSkippedByRule, ambiguousPoint
  case patternUnbalanced, patternQuantifiedAssertion, patternUnsupported, patternCountTooLarge, patternNothingToRepeat, patternTooLarge, patternTooDeep
  case warningCustomerHistoryShort, warningIncompleteMonth, warningFECRegrouped, warningPossibleDuplicate, warningOrdersWithoutCustomer, checkExpenseLongBeforeGoLive
  case totalRowNotLast, rowsSkipped, emptyRowOne, emptyRowMany, totalRowOne, totalRowMany, rowsAnd
  case sqliteError, sqliteErrorIn
  case htmlTitle, htmlSettings, htmlTotalCostOfOwnership, htmlBreakEvenQuarter, htmlProjectedPayback, htmlNoneYet, htmlWithinNoise,    htmlNetPresentValue, htmlNetPresentValueDetail, htmlProjectionTo, htmlProjectionDetail, htmlCostAndBenefit, htmlCostAndBenefitDescription, htmlCostTip, htmlBenefitTip, htmlCumulative, htmlCumulativeWithProjection, htmlCumulativeDescription, htmlProjectedTip, htmlProjectedBreakEven, htmlCumulativeCostTip, htmlCumulativeBenefitTip, htmlBreakEven, htmlCumulativeCost, htmlCumulativeBenefit, htmlRollingDescription, htmlTip, htmlBenefitByMetric, htmlBenefitByMetricDescription, htmlEachMetric, htmlMetricChartTitle, htmlMetricChartDescription, htmlGoLive, htmlValue, htmlByQuarter, htmlColumnCumulativeCost, htmlColumnCumulativeBenefit, htmlColumnMissingMonths, htmlNoTargets, htmlTargetCommand, htmlExpenses, htmlColumnLabor, htmlColumnOverHorizon, htmlRecursUntil, htmlRecursToHorizonEnd, htmlTotalCategory, htmlFooter
  case impactHeading, impactLine, impactWorth, columnMonth, columnDifference, columnEffect, columnInBand, terminalChartTitle
  case demoLicences, demoInstallation, demoLaptops, demoMigration, demoHosting, demoTraining
  case formCategory, formCategoryGuess
  case errnoPermission, errnoNoEntry, errnoInputOutput, errnoExists, errnoNotDirectory, errnoIsDirectory, errnoTooLarge, errnoNoSpace, errnoReadOnly, errnoBrokenPipe, errnoNameTooLong, errnoLoop, atFile
  case sourceMonth, sourceValues, sourceID
  case addedOne, addedMany, replacedOne, replacedMany, unchangedOne, unchangedMany, skippedOne, skippedMany, ordersAddedOne, ordersAddedMany, expensesAddedOne, expensesAddedMany, creditLinesOne, creditLinesMany, valuesAddedOne, valuesAddedMany
  case formLanguageOrNone, laborNoteAndNote
  case yearsSingular
  case formDecimalPoint
  case webDashboard, webMonths, webExpenses, webSettings, webHistory, webCheck, webRefused, webBadToken, webReadOnly, webNotFound, webError, webSaved, webExpenseAdded, webExpenseRemoved, webExpenseRestored, webStoredSetting, webView, webFrom, webTo, webBaselineMethod, webDiscountRate, webRisk, webProject, webShow, webDownload, webRemoveValue, webAllowCurrent, webSave, webBack, webMonthTitle, webRemove, webAddExpense, webRestoreExpense, webHours, webRate, webAdd, webRestore, webSettingsHint, webNewer, webOlder, webNoSuchExpense
  case serveLoopbackOnly, serving
  case formServerBeside
  case webEdit, webWithValues, webAddMetric, webMetrics, webMargin, webUnitValue, webFromOrders, webTyped, webEditMetric, webMetricTitle, webMetricHasOneValue, webMetricHasValues, webEditExpense, webExpenseTitle, webExpenseEdited, webUnchanged, webMetricAdded, webMetricRemoved, webImport, webExport, historyFromWebApp
  case webDetected, webImportFile, webWhatFileHolds, webFile, webPreset, webDelimiter, webTab, webDecimalMark, webDateFormat, webEncoding, webRules, webPreview, webImportHint, webKindExpenses, webKindMetrics, webKindOrders, webKindFEC, webNoFile, webNothingImported, webConfirmImport, webCancel, webImportPreview, webPreviewGone, webUploadChanged, webPreviewOutdated, webTooLarge, webTooLargeDetail, webUploadNotKept
  case webPassword, webSignIn, webSignOut, webWrongPassword, webWaitBeforeSignIn, webSignInFirst
  case webHintFirstQuarter, webHintLatestQuarter, webHintDefault, webNothingLoggedIn
  case serveBadSize, servePasswordUnreadable, servePasswordEmpty, servePasswordSeveralLines, servePasswordNotAHash, serveHashPasswordEmpty, serveHashPasswordTooLong, serveBadAllowedHost
  case webExportHint
  case webBackToMetrics, webBackToExpenses
  case webOtherFormats
  case webFixOnMonths, webExpenseRemovedID, webReadOnlyPage, webNotSaved
  case webValue, webStoredBefore, webWhatImportDoes, webItemAdded, webItemReplaced, webItemSkipped, webMoreRows
  case webFormTooLarge, serveCannotKeepUploads, serveCannotListen, formDecimalAmountComma, formPlainDecimalComma, formTextAtMost
  case htmlLatestExpenses
  case servingReadOnly
  case formHoursNotNegative
  case controlBaselineZero, controlBaselineZeroSeasonal
  case formHourlyCostRequired, formControlOfItself, formRealisation
  case factorControlFor, factorHours, factorRisk
  case storeControlOfAControl, storeMetricHasControl, storeControlledMetricAsControl, storeNoSuchPlanCost, storeNoPlannedBenefit, storePlanBenefitNeedsMoney, storeNoSuchIntangible
  case formIntangible
  case webHourlyCost, webRealisation, webMetricRisk, webControlFor
  case planCostAdded, planBenefitSet, noPlanYet, planCostRemoved, planBenefitRemoved, planOwnerSet, planOwnerCleared, sourceOwnerName, formOwner, planCostsHeading, planBenefitsHeading, columnMonthly, columnFrom, columnRamp, columnOwner, planTotalCost
  case sourceIntangibleText, intangibleAdded, noIntangiblesYet, columnIntangible, intangibleRemoved, formListedID
  case controlsHeading, controlIsolates, riskByMetric, planHeading, columnPlannedCost, columnPlannedBenefit, columnVariance, planToDate, planTCO, planPayback, planROI, planBenefitLine, planBenefitLineOwned, teiHeading, teiInitial, teiYear, teiTotal, teiPresentValue, teiCosts, teiBenefits, teiNet, teiCumulative, teiProjectedLegend, teiROI, teiBenefitCostRatio, teiPayback, teiIRR, irrNoSignChange, irrSeveralSignChanges, irrOutOfRange, intangiblesHeading
  case htmlPlannedCumulative, htmlPlannedTip, htmlPlanToDate, htmlPlanToDateDetail, htmlPlannedAgainstActual, htmlPlannedAgainstPace, htmlLifetimeROI, htmlTEIROI, htmlBenefitCostRatio, htmlTEIPayback, htmlIRR, htmlRiskByMetric
  case impactControl, columnCounterfactual, htmlCounterfactualKey
  case planRampOver, planNoRamp
  case warningControlMissingOne, warningControlMissingMany, storeMetricHasPlannedBenefit, formNoLaterThanHorizonEnd
  case irrNone, noControlBaseline, formControlNeedsKPI, formRiskNeedsMoney
  case irrBenefitsFirst, formControlMustBeKPI
  case checkPlanCostAfterHorizon, checkPlanBenefitAfterHorizon
  case verdictPaidBack, verdictOnTrack, verdictOffTrack, verdictTooEarlyNoise, verdictTooEarlyMonths, verdictGain, verdictLoss
  case verdictPaidBackIn, verdictPaysBackIn, verdictBeyondHorizon, verdictFallsBelowAgain, verdictNothingToPayBack, verdictSeasonal, verdictStale
  case durationYearsMonths, seasonalAbove, seasonalBelow, seasonalStandsOut
  case baselineSetMean, baselineSetSeasonal, baselineAutoNoPattern, baselineAutoSeasonal, baselineAutoTooLittle
  case warningStaleData
  case paybackWhyDiffer, roiWhyDiffer, irrAbove, roisWhyDiffer, verdictSeasonalWiderWindow
  case irrAboveRange, verdictPaidBackDips, baselineAutoNotTested, baselineViewMean, baselineViewSeasonal, formControlNotNegative, storeControlValueNegative, storeNotReadable, storeOlderSchemaReadOnly
  case controlNotPositive, objectiveControlled
  case kindRevenue, kindCost, kindCount, kindKPI, kindHours, formAmountTooLarge, presetGeneric, dateOrderDayFirst, dateOrderMonthFirst
  case glossaryHeading, glossaryTCOTerm, glossaryTCO, glossaryROITerm, glossaryROI, glossaryPaybackTerm, glossaryPayback, glossaryNoiseTerm, glossaryNoise, glossaryBaselineTerm, glossaryBaseline, glossaryAttributionTerm, glossaryAttribution, glossaryPresentValueTerm, glossaryPresentValue, glossaryIRRTerm, glossaryIRR, glossaryTEITerm, glossaryTEI

  /// The English and the French template.
  public var templates: (en: String, fr: String) {
    switch self {
    case .errorPrefix:
      ("crm-roi: error: ",
       "crm-roi: erreur : ")
    case .reportTitle:
      ("CRM ROI by quarter",
       "Retour sur investissement du CRM par trimestre")
    case .settingsLine:
      ("Currency {currency}, go-live {goLive}, baseline {baselineMonths} months, horizon {horizon} to {horizonEnd}",
       "Devise {currency}, mise en service {goLive}, référence sur les {baselineMonths} mois d’avant, horizon {horizon} jusqu’à {horizonEnd}")
    case .asOf:
      ("As of {month}: the latest month with logged values",
       "Données à fin {month} : dernier mois saisi")
    case .asOfNothing:
      ("As of {month}: nothing logged since go-live yet",
       "Données à fin {month} : rien de saisi depuis la mise en service")
    case .totalCostOfOwnership:
      ("Total cost of ownership: {amount}",
       "Coût total de possession : {amount}")
    case .breakEvenQuarter:
      ("Break-even quarter, to date: {quarter}",
       "Trimestre de rentabilité, à ce jour : {quarter}")
    case .notReached:
      ("not reached",
       "non atteint")
    case .projectedPayback:
      ("Payback rule of thumb (TCO / a year's benefit at this pace): {years}",
       "Récupération, règle approximative (coût total / un an de bénéfice à ce rythme) : {years}")
    case .projectedPaybackNone:
      ("Payback rule of thumb (TCO / a year's benefit at this pace): none (no positive benefit over the last 12 months)",
       "Récupération, règle approximative (coût total / un an de bénéfice à ce rythme) : aucune (pas de bénéfice positif sur les 12 derniers mois)")
    case .withinNoise:
      (" (noise band: {low} to {high})",
       " (dans la bande de bruit : {low} à {high})")
    case .legendROI:
      ("ROI = the quarter's benefit / the TCO over the horizon.",
       "ROI = bénéfice marginal du trimestre / coût total de possession sur l’horizon.")
    case .legendRolling:
      ("Rolling annual ROI = the last 12 months' benefit / the TCO (fewer months since go-live are scaled to a year).",
       "ROI annuel glissant = bénéfice des 12 derniers mois / coût total de possession (ramené à un an s’il y a moins de mois depuis la mise en service).")
    case .legendCumulative:
      ("Cum. net ROI = (benefit so far − cost so far) / cost so far.",
       "ROI net cumulé = (bénéfice à date − coût à date) / coût à date.")
    case .legendPartial:
      ("* partial quarter: values logged to {month} only.",
       "* trimestre partiel : valeurs saisies jusqu’à {month} seulement.")
    case .columnQuarter:
      ("Quarter",
       "Trimestre")
    case .columnCost:
      ("Cost",
       "Coût")
    case .columnBenefit:
      ("Benefit",
       "Bénéfice")
    case .columnROI:
      ("ROI",
       "ROI")
    case .columnRolling:
      ("Rolling annual ROI",
       "ROI annuel glissant")
    case .columnCumulativeNet:
      ("Cum. net ROI",
       "ROI net cumulé")
    case .verdictNothingYet:
      ("No value has been logged since go-live ({goLive}) yet: log each month with crm-roi log.",
       "Aucune valeur saisie depuis la mise en service ({goLive}) : saisissez chaque mois avec crm-roi log.")
    case .months:
      ("{count} months",
       "{count} mois")
    case .month:
      ("1 month",
       "1 mois")
    case .years:
      ("{count} years",
       "{count} ans")
    case .year:
      ("1 year",
       "1 an")
    case .yes:
      ("yes",
       "oui")
    case .no:
      ("no",
       "non")
    case .noiseHeading:
      ("Noise bands (± twice the baseline months' own variation)",
       "Bandes de bruit (± deux fois la variation propre des mois de référence)")
    case .columnBenefitLow:
      ("Benefit low",
       "Bénéfice bas")
    case .columnBenefitHigh:
      ("Benefit high",
       "Bénéfice haut")
    case .columnInNoise:
      ("In noise",
       "Bruit")
    case .columnRollingLow:
      ("Rolling low",
       "Glissant bas")
    case .columnRollingHigh:
      ("Rolling high",
       "Glissant haut")
    case .discountedHeading:
      ("Discounted view, to date (go-live to {asOf}, discounted at {rate} a year to {month}, benefit set aside for risk: {risk})",
       "Vue actualisée, à ce jour (de la mise en service à {asOf}, actualisée à {rate} par an à {month}, bénéfice mis de côté pour le risque : {risk})")
    case .presentValueOfBenefit:
      ("Present value of benefit: {amount}",
       "Valeur actuelle du bénéfice :    {amount}")
    case .presentValueOfCost:
      ("Present value of cost:    {amount}",
       "Valeur actuelle du coût :        {amount}")
    case .netPresentValue:
      ("Net present value to date: {amount}",
       "VAN à ce jour :                  {amount}")
    case .discountedROI:
      ("ROI to date (NPV / PV of cost): {percent}",
       "ROI à ce jour (VAN / valeur du coût) : {percent}")
    case .discountedBreakEven:
      ("Discounted break-even:    {month}",
       "Seuil de rentabilité actualisé : {month}")
    case .projectionHeading:
      ("Projection to {month} at the pace of the last {span} (a projection, not history)",
       "Projection à {month} au rythme des {span} écoulés (une projection)")
    case .runRate:
      ("Run rate:                 {amount} a month",
       "Rythme :                         {amount} par mois")
    case .lifetimeBenefit:
      ("Lifetime benefit:         {amount}",
       "Bénéfice sur l’horizon :         {amount}")
    case .lifetimeROI:
      ("ROI over the horizon, projected: {percent} of TCO {amount}",
       "ROI sur l’horizon, projeté :     {percent} du coût total de {amount}")
    case .projectedBreakEven:
      ("Break-even quarter:       {quarter}",
       "Seuil de rentabilité :           {quarter}")
    case .notByHorizonEnd:
      ("not by the horizon end",
       "pas avant la fin de l’horizon")
    case .objectivesHeading:
      ("Objectives ({quarter})",
       "Objectifs ({quarter})")
    case .noData:
      ("no data",
       "aucune donnée")
    case .columnMetric:
      ("Metric",
       "Indicateur")
    case .columnTarget:
      ("Target",
       "Cible")
    case .columnBaseline:
      ("Baseline",
       "Référence")
    case .columnCurrent:
      ("Current",
       "Actuel")
    case .columnChange:
      ("Change",
       "Écart")
    case .columnTargetValue:
      ("Target value",
       "À atteindre")
    case .columnMet:
      ("Met",
       "Atteint")
    case .warningsHeading:
      ("Warnings",
       "Avertissements")
    case .warningShortHistory:
      ("only {span} of data since go-live ({goLive} to {asOf}): too early to judge; the figures will settle after {settle} months",
       "seulement {span} de données depuis la mise en service ({goLive} à {asOf}) : trop tôt pour juger ; les chiffres se stabiliseront après {settle} mois")
    case .warningThinBaselineOne:
      ("'{metric}' has 1 baseline value (fewer than {fewer}): its baseline, and every benefit measured against it, is uncertain; log more months before go-live",
       "« {metric} » n’a qu’une valeur de référence (moins de {fewer}) : sa référence, et tout bénéfice mesuré par rapport à lui, est incertain ; saisissez plus de mois avant la mise en service")
    case .warningThinBaselineMany:
      ("'{metric}' has {count} baseline values (fewer than {fewer}): its baseline, and every benefit measured against it, is uncertain; log more months before go-live",
       "« {metric} » n’a que {count} valeurs de référence (moins de {fewer}) : sa référence, et tout bénéfice mesuré par rapport à lui, est incertain ; saisissez plus de mois avant la mise en service")
    case .warningSeasonal:
      ("'{metric}' varies by season before go-live ({monthName} stands out): the mean baseline takes the season for the CRM's effect; consider: crm-roi settings set baseline-method seasonal",
       "« {metric} » est saisonnier avant la mise en service ({monthName} se distingue) : la référence moyenne prend la saison pour l’effet du CRM ; envisagez : crm-roi settings set baseline-method seasonal")
    case .warningDoubleCount:
      ("'{metric}' adds money per unit beside the revenue metric '{revenue}': if these purchases are already in {revenue}, make it a kpi (crm-roi metric set {metric} --kind kpi)",
       "« {metric} » ajoute de l’argent par unité à côté de l’indicateur de chiffre d’affaires « {revenue} » : si ces achats sont déjà dans {revenue}, faites-en un kpi (crm-roi metric set {metric} --kind kpi)")
    case .warningWithinNoise:
      ("the latest rolling annual ROI ({quarter}) lies within the baseline's own variation: it may be chance",
       "le dernier ROI annuel glissant ({quarter}) est dans la variation propre de la référence : il peut être dû au hasard")
    case .warningMissingOne:
      ("'{metric}' has no value for {names}: that month counts as no change; log it with crm-roi log",
       "« {metric} » n’a pas de valeur pour {names} : ce mois compte comme sans changement ; saisissez-le avec crm-roi log")
    case .warningMissingMany:
      ("'{metric}' has no value for {names}: those months count as no change; log them with crm-roi log",
       "« {metric} » n’a pas de valeur pour {names} : ces mois comptent comme sans changement ; saisissez-les avec crm-roi log")
    case .warningPartial:
      ("{quarter} is partial: data to {asOf} only, so its benefit covers {covered} of its 3 months",
       "{quarter} est partiel : données jusqu’à {asOf} seulement, son bénéfice couvre donc {covered} de ses 3 mois")
    case .andMore:
      (" and {count} more",
       " et {count} autres")
    case .demoDatabase:
      ("Sample database: {path}. Explore it with, for example:\n  crm-roi expense list --db {path}{lang}\n  crm-roi roi --db {path} --format json",
       "Base d’exemple : {path}. Explorez-la par exemple avec :\n  crm-roi expense list --db {path}{lang}\n  crm-roi roi --db {path} --format json")
    case .valueMissing:
      ("missing; expected {expected}",
       "manquant ; attendu : {expected}")
    case .valueInvalid:
      ("'{value}' is not valid; expected {expected}",
       "« {value} » n’est pas valide ; attendu : {expected}")
    case .formQuarter:
      ("a quarter like 2025Q2",
       "un trimestre comme 2025Q2")
    case .formFiscalQuarter:
      ("a fiscal quarter like FY2026Q1",
       "un trimestre d’exercice comme FY2026Q1")
    case .formMonth:
      ("a month as YYYY-MM from 1900-01 to 9999-12, like 2025-04",
       "un mois au format AAAA-MM, de 1900-01 à 9999-12, comme 2025-04")
    case .formDate:
      ("a date as YYYY-MM-DD from 1900-01-01 to 9999-12-31, like 2025-03-10",
       "une date au format AAAA-MM-JJ, du 1900-01-01 au 9999-12-31, comme 2025-03-10")
    case .formOneOf:
      ("one of {names}",
       "une valeur parmi {names}")
    case .formFrequency:
      ("month, quarter or year",
       "month, quarter ou year")
    case .formHours:
      ("a positive number of hours with at most 2 decimals, like 120 or 7.5",
       "un nombre d’heures positif avec au plus 2 décimales, comme 120 ou 7.5")
    case .formLanguage:
      ("fr or en",
       "fr ou en")
    case .formLanguageVariable:
      ("CRM_ROI_LANG to be fr or en",
       "CRM_ROI_LANG valant fr ou en")
    case .formCurrency:
      ("an active ISO 4217 currency code in capitals, like EUR, USD or JPY",
       "un code de devise ISO 4217 en vigueur, en majuscules, comme EUR, USD ou JPY")
    case .formWholeAmount:
      ("a whole number of {code} with no separators, like 12000",
       "un nombre entier de {code} sans séparateur, comme 12000")
    case .formDecimalAmount:
      ("a plain decimal with '.' and at most {places} decimals for {code}, like {example}",
       "un nombre décimal avec '.' et au plus {places} décimales pour {code}, comme {example}")
    case .formPercent:
      ("a percent like 35 or 35% (up to 4 decimals)",
       "un pourcentage comme 35 ou 35% (jusqu’à 4 décimales)")
    case .formPercentWithSign:
      ("a percentage with its %: {percent}% for the share {text}, or {text}%",
       "un pourcentage avec son % : {percent}% pour la part {text}, ou {text}%")
    case .formTarget:
      ("a change like +10% or -15%, or an absolute value like 250000",
       "une évolution comme +10% ou -15%, ou une valeur absolue comme 250000")
    case .formAttribution:
      ("a share above 0% and at most 100%, like 50%",
       "une part supérieure à 0% et d’au plus 100%, comme 50%")
    case .formMetricName:
      ("a lower-case name: a letter, then letters, digits or '-', at most 64 characters (an accent typed apart counts as one more), not mixing Latin, Greek and Cyrillic letters, like returns-cost or coût-retours",
       "un nom en minuscules : une lettre, puis des lettres, des chiffres ou '-', au plus 64 caractères (un accent tapé à part compte pour un de plus), sans mêler lettres latines, grecques et cyrilliques, comme returns-cost ou coût-retours")
    case .formTextAtMost:
      ("a name of at most {limit} characters",
       "un nom d’au plus {limit} caractères")
    case .formDecimalAmountComma:
      ("a number with at most {places} decimals for {code}, like {example}",
       "un nombre avec au plus {places} décimales pour {code}, comme {example}")
    case .formPlainDecimalComma:
      ("a number with at most 4 decimals, like 410 or 87,5",
       "un nombre avec au plus 4 décimales, comme 410 ou 87,5")
    case .formPlainDecimal:
      ("a plain decimal with '.' and at most 4 decimals, like 410 or 87.5",
       "un nombre décimal avec '.' et au plus 4 décimales, comme 410 ou 87.5")
    case .formAmountNotNegative:
      ("an amount of 0 or more for {metric}, a {kind} metric",
       "un montant de 0 ou plus pour {metric}, indicateur de type {kind}")
    case .formWholeCount:
      ("a whole number of 0 or more for {metric}, a count metric",
       "un nombre entier de 0 ou plus pour {metric}, indicateur de type count")
    case .formBaselineMethod:
      ("auto, mean or seasonal",
       "auto, mean ou seasonal")
    case .formSeasonalNeedsAYear:
      ("at least 12 baseline months for the seasonal method (crm-roi settings set baseline-months 12)",
       "au moins 12 mois de référence pour la méthode saisonnière (crm-roi settings set baseline-months 12)")
    case .formHorizonEnd:
      ("a go-live and horizon that end by 9999-12 (this one ends in {year})",
       "une mise en service et un horizon qui finissent au plus tard en 9999-12 (celui-ci finit en {year})")
    case .formWholeNumberRange:
      ("a whole number from {low} to {high}",
       "un nombre entier de {low} à {high}")
    case .formNoOptionForKind:
      ("no --{option} for a {kind} metric",
       "pas de --{option} pour un indicateur de type {kind}")
    case .formMarginRequired:
      ("a gross margin like 35% for a revenue metric",
       "une marge brute comme 35% pour un indicateur de type revenue")
    case .formUnitValueRequired:
      ("money per unit like 18.50 for a count metric",
       "un montant par unité comme 18.50 pour un indicateur de type count")
    case .formCountSeries:
      ("a series of whole numbers (orders, repeat-orders, new-customers) for a {kind} metric",
       "une série de nombres entiers (orders, repeat-orders, new-customers) pour un indicateur de type {kind}")
    case .formMoneySeries:
      ("a money series (net-sales, refunds, average-order-value) for a {kind} metric",
       "une série de montants (net-sales, refunds, average-order-value) pour un indicateur de type {kind}")
    case .formMargin:
      ("a margin above 0% and at most 100%",
       "une marge supérieure à 0% et d’au plus 100%")
    case .formNonZeroAmount:
      ("a non-zero amount, like 18.50 or -12.50",
       "un montant non nul, comme 18.50 ou -12.50")
    case .formFinishedMonth:
      ("a finished month: {month} is still running, so its figures are partial; log it from {next}-01, or now with --allow-current",
       "un mois terminé : {month} est en cours, ses chiffres sont donc partiels ; saisissez-le à partir du {next}-01, ou dès maintenant avec --allow-current")
    case .formMonthNoLaterThan:
      ("a month no later than {month}",
       "un mois qui ne dépasse pas {month}")
    case .formNoValueFromOrders:
      ("no value for {metric}: it takes its values from the stored orders ({series}); import them with crm-roi import orders, or type its values after crm-roi metric set {metric} --from-orders none",
       "aucune valeur pour {metric} : ses valeurs viennent des commandes enregistrées ({series}) ; importez-les avec crm-roi import orders, ou saisissez ses valeurs après crm-roi metric set {metric} --from-orders none")
    case .longNameShown:
      ("{start}… ({count} characters)",
       "{start}… ({count} caractères)")
    case .unknownMetricNoneYet:
      ("unknown metric '{name}'; expected one of: (none yet; add one with crm-roi metric add)",
       "indicateur inconnu « {name} » ; attendu : un indicateur défini (aucun pour l’instant ; ajoutez-en un avec crm-roi metric add)")
    case .unknownMetric:
      ("unknown metric '{name}'; expected one of: {names}",
       "indicateur inconnu « {name} » ; attendu : un indicateur parmi {names}")
    case .unknownMetricGuess:
      ("unknown metric '{name}'; expected one of: {names} (did you mean {guess}?)",
       "indicateur inconnu « {name} » ; attendu : un indicateur parmi {names} (vouliez-vous dire {guess} ?)")
    case .noNoiseBandSeasonal:
      ("no noise band: '{metric}' needs at least 2 baseline values in each calendar month (the seasonal method needs two baseline years)",
       "pas de bande de bruit : « {metric} » demande au moins 2 valeurs de référence pour chaque mois de l’année (la méthode saisonnière demande deux années de référence)")
    case .noNoiseBand:
      ("no noise band: '{metric}' needs at least 2 baseline values",
       "pas de bande de bruit : « {metric} » demande au moins 2 valeurs de référence")
    case .noBaseline:
      ("metric '{metric}' has no snapshot in its baseline window {first} to {last}; log at least one month, like: crm-roi log {last} {metric}=VALUE",
       "l’indicateur « {metric} » n’a aucune valeur dans sa période de référence {first} à {last} ; saisissez au moins un mois, par exemple : crm-roi log {last} {metric}=VALEUR")
    case .seasonalNeedsAYear:
      ("the seasonal baseline needs a baseline window of at least 12 months, not {count}; expected: crm-roi settings set baseline-months 12 (or baseline-method mean)",
       "la référence saisonnière demande une période de référence d’au moins 12 mois, pas {count} ; attendu : crm-roi settings set baseline-months 12 (ou baseline-method mean)")
    case .seasonalMonthsMissing:
      ("metric '{metric}' has no snapshot for {names} in its baseline window {first} to {last}; the seasonal baseline expects every calendar month",
       "l’indicateur « {metric} » n’a aucune valeur pour {names} dans sa période de référence {first} à {last} ; la référence saisonnière attend chaque mois de l’année")
    case .emptyQuarterRange:
      ("--from {from} is after --to {to}; expected a first quarter not after the last",
       "--from {from} est après --to {to} ; attendu : un premier trimestre qui ne soit pas après le dernier")
    case .checkBaselineGaps:
      ("baseline window {first} to {last}: nothing logged for {months}",
       "période de référence {first} à {last} : rien de saisi pour {months}")
    case .checkGaps:
      ("after go-live: nothing logged for {months}",
       "après la mise en service : rien de saisi pour {months}")
    case .checkNothingSinceGoLive:
      ("go-live {month}: no metric value logged from go-live on",
       "mise en service {month} : aucune valeur saisie depuis la mise en service")
    case .checkRunningMonth:
      ("{month}: values logged for a month that has not ended yet (today is in {today}); they are partial until it ends",
       "{month} : valeurs saisies pour un mois qui n’est pas fini (nous sommes en {today}) ; elles restent partielles jusqu’à sa fin")
    case .checkPartlyLogged:
      ("{month}: logged for {present} but not {absent}",
       "{month} : saisi pour {present} mais pas pour {absent}")
    case .checkExpenseAfterHorizon:
      ("expense {id} on {date} is after the horizon end {end}; it counts in no row",
       "la dépense {id} du {date} est après la fin de l’horizon {end} ; elle ne compte dans aucune ligne")
    case .checkExpenseEndsBeforeStart:
      ("expense {id} recurs until {until}, before it starts on {date}",
       "la dépense {id} se répète jusqu’à {until}, avant son début le {date}")
    case .listAndMore:
      ("{list} and {count} more",
       "{list} et {count} autres")
    case .checkWarning:
      ("warning ({code}): {message}",
       "avertissement ({code}) : {message}")
    case .checkNote:
      ("note ({code}): {message}",
       "note ({code}) : {message}")
    case .checkNoReport:
      ("report: {reason}",
       "rapport : {reason}")
    case .checkIntegrity:
      ("integrity: {detail}",
       "intégrité : {detail}")
    case .checkCorrupt:
      ("integrity: {detail}; restore the database from a backup (crm-roi backup)",
       "intégrité : {detail} ; restaurez la base depuis une sauvegarde (crm-roi backup)")
    case .checkForeignKey:
      ("foreign key: {table} row {row} refers to a missing row of {parent}",
       "clé étrangère : la ligne {row} de {table} renvoie à une ligne absente de {parent}")
    case .formPositiveAmount:
      ("an amount above 0, like 8750.50",
       "un montant supérieur à 0, comme 8750,50")
    case .formDateNotLongBeforeGoLive:
      ("a date from {first}-01 on: more than {years} years before go-live ({goLive}) is likely a typo",
       "une date à partir du {first}-01 : plus de {years} ans avant la mise en service ({goLive}), c’est sans doute une faute de frappe")
    case .formLaborInRange:
      ("hours × rate within the 64-bit range",
       "heures × taux dans la plage des entiers 64 bits")
    case .formLaborWorthSomething:
      ("hours × rate worth at least {least} {code} (this work rounds to {zero})",
       "heures × taux valant au moins {least} {code} (ce travail s’arrondit à {zero})")
    case .formLaborAmount:
      ("hours × rate = {product}, or no amount",
       "heures × taux = {product}, ou pas de montant")
    case .formAmountOrLabor:
      ("an amount, or hours and a rate",
       "un montant, ou des heures et un taux")
    case .formHoursWithRate:
      ("hours of work with the rate",
       "des heures de travail avec le taux")
    case .formRateWithHours:
      ("an hourly rate with the hours",
       "un taux horaire avec les heures")
    case .formMonthNotBefore:
      ("a month not before {month}",
       "un mois qui ne soit pas avant {month}")
    case .formUntilOnlyRecurring:
      ("an end month only for a recurring expense (with every)",
       "un mois de fin seulement pour une dépense récurrente (avec every)")
    case .storeNoDatabase:
      ("no crm-roi database at '{path}'; create one with: crm-roi init --go-live YYYY-MM --db {path}",
       "aucune base crm-roi à « {path} » ; créez-en une avec : crm-roi init --go-live AAAA-MM --db {path}")
    case .storeIsDirectory:
      ("database path '{path}' is a directory; expected a file path like {path}/crm-roi.sqlite",
       "le chemin de base « {path} » est un dossier ; attendu : un chemin de fichier comme {path}/crm-roi.sqlite")
    case .storeNotCRMROI:
      ("'{path}' is not a crm-roi database; expected a file made by crm-roi init (the file was not changed)",
       "« {path} » n’est pas une base crm-roi ; attendu : un fichier créé par crm-roi init (le fichier n’a pas été modifié)")
    case .storeNewerSchema:
      ("'{path}' has schema version {found}, newer than this crm-roi supports ({supported}); upgrade crm-roi",
       "« {path} » a le schéma version {found}, plus récent que ce que gère ce crm-roi ({supported}) ; mettez crm-roi à jour")
    case .storeNotInitialized:
      ("'{path}' has no settings yet; run: crm-roi init --go-live YYYY-MM --db {path}",
       "« {path} » n’a pas encore de réglages ; lancez : crm-roi init --go-live AAAA-MM --db {path}")
    case .storeAlreadyInitialized:
      ("'{path}' is already initialised; change a setting with: crm-roi settings set KEY VALUE",
       "« {path} » est déjà initialisée ; changez un réglage avec : crm-roi settings set CLÉ VALEUR")
    case .storeDuplicateMetric:
      ("metric '{name}' already exists; expected a new name (see crm-roi metric list)",
       "l’indicateur « {name} » existe déjà ; attendu : un nouveau nom (voir crm-roi metric list)")
    case .storeMetricHasOneSnapshot:
      ("metric '{name}' has 1 snapshot; pass --force to remove it with it",
       "l’indicateur « {name} » a 1 valeur saisie ; ajoutez --force pour le supprimer avec elle")
    case .storeMetricHasSnapshots:
      ("metric '{name}' has {count} snapshots; pass --force to remove it with them",
       "l’indicateur « {name} » a {count} valeurs saisies ; ajoutez --force pour le supprimer avec elles")
    case .storeNoSuchExpense:
      ("no expense with id {id}; expected an id shown by crm-roi expense list",
       "aucune dépense de numéro {id} ; attendu : un numéro affiché par crm-roi expense list")
    case .storeCurrencyDecimals:
      ("currency '{to}' has {toDecimals} decimals but the stored amounts are in {from} with {fromDecimals}; expected a currency with {fromDecimals} decimals (amounts are never converted)",
       "la devise « {to} » a {toDecimals} décimales mais les montants enregistrés sont en {from} avec {fromDecimals} ; attendu : une devise à {fromDecimals} décimales (les montants ne sont jamais convertis)")
    case .storeCurrencyRelabel:
      ("amounts are stored in {from}; changing the currency to {to} relabels them without converting them; expected: crm-roi settings set currency {to} --relabel",
       "les montants sont enregistrés en {from} ; passer la devise à {to} les renomme sans les convertir ; pour cela, ajoutez --relabel : crm-roi settings set currency {to} --relabel")
    case .storeNotWritable:
      ("'{path}' cannot be read and written by this user; expected a database file you may write (check its permissions)",
       "« {path} » ne peut pas être lu et écrit par cet utilisateur ; attendu : une base que vous pouvez modifier (vérifiez ses droits)")
    case .storeFolderNotWritable:
      ("the folder '{folder}' of database '{path}' cannot be written by this user (SQLite keeps its journal beside the file); expected a folder you may write",
       "le dossier « {folder} » de la base « {path} » ne peut pas être modifié par cet utilisateur (SQLite garde son journal à côté du fichier) ; attendu : un dossier où vous pouvez écrire")
    case .storeNotARegularFile:
      ("'{path}' is not a regular file (a device, pipe or socket); expected a database file made by crm-roi init",
       "« {path} » n’est pas un fichier ordinaire (un périphérique, un tube ou une socket) ; attendu : une base créée par crm-roi init")
    case .storeUnexpectedValue:
      ("table {table}, row {row}, column {column} holds '{value}', which this crm-roi does not know; expected a value crm-roi writes (was the file changed by another program or a newer crm-roi?)",
       "table {table}, ligne {row}, colonne {column} : « {value} », que ce crm-roi ne connaît pas ; attendu : une valeur écrite par crm-roi (le fichier a-t-il été modifié par un autre programme ou un crm-roi plus récent ?)")
    case .storeEmptyFile:
      ("'{path}' is an empty file, not a crm-roi database (the file was not changed); create one with: crm-roi init --go-live YYYY-MM --db {path}",
       "« {path} » est un fichier vide, pas une base crm-roi (le fichier n’a pas été modifié) ; créez-en une avec : crm-roi init --go-live AAAA-MM --db {path}")
    case .storeCorrupt:
      ("'{path}' is damaged ({detail}); expected an intact database: restore it from a backup (crm-roi backup)",
       "« {path} » est endommagée ({detail}) ; attendu : une base intacte : restaurez-la depuis une sauvegarde (crm-roi backup)")
    case .storeBackupExists:
      ("'{path}' already exists; expected a new file name, or --force to replace it",
       "« {path} » existe déjà ; attendu : un nouveau nom de fichier, ou --force pour le remplacer")
    case .storeTargetNotRegular:
      ("'{path}' is not a regular file (a device, a pipe or a folder); expected a file path to write (nothing was changed)",
       "« {path} » n’est pas un fichier ordinaire (un périphérique, un tube ou un dossier) ; attendu : un chemin de fichier à écrire (rien n’a été modifié)")
    case .storeTargetIsADatabase:
      ("'{path}' is an SQLite database, which this would overwrite; expected another file name (nothing was changed)",
       "« {path} » est une base SQLite, que cette commande écraserait ; attendu : un autre nom de fichier (rien n’a été modifié)")
    case .storeGoLiveLeavesExpense:
      ("go-live {goLive} would put the expense of {date} more than 10 years before it (likely a typo); expected a go-live within 10 years of every expense",
       "la mise en service {goLive} placerait la dépense du {date} plus de 10 ans avant elle (sans doute une faute de frappe) ; attendu : une mise en service à moins de 10 ans de chaque dépense")
    case .storeKindDoesNotFit:
      ("metric '{metric}' cannot become a {kind} metric: its value {value} for {month} does not fit that kind; expected a kind its values fit (fix the value first with crm-roi log {month} {metric}=VALUE, or crm-roi unlog {month} {metric})",
       "l’indicateur « {metric} » ne peut pas devenir de type {kind} : sa valeur {value} pour {month} ne convient pas à ce type ; attendu : un type qui convienne à ses valeurs (corrigez d’abord la valeur avec crm-roi log {month} {metric}=VALEUR, ou crm-roi unlog {month} {metric})")
    case .storeBackupOntoItself:
      ("'{path}' is the database itself; expected another file for the backup",
       "« {path} » est la base elle-même ; attendu : un autre fichier pour la sauvegarde")
    case .storeExpenseNotRemoved:
      ("expense {id} is not removed; expected the id of a removed expense (see crm-roi history)",
       "la dépense {id} n’est pas supprimée ; attendu : le numéro d’une dépense supprimée (voir crm-roi history)")
    case .storeChangedDuringImport:
      ("the currency or the metrics changed while '{file}' was read, so its values may read differently now; nothing was imported: expected no change meanwhile (run the import again)",
       "la devise ou les indicateurs ont changé pendant la lecture de « {file} », ses valeurs pourraient donc se lire autrement ; rien n’a été importé : attendu : aucun changement entre-temps (relancez l’import)")
    case .storeCustomerKeyRaced:
      ("another import stored the database's first orders while '{file}' was read, so its customers were keyed differently; nothing was imported: expected one first import at a time (run it again)",
       "un autre import a enregistré les premières commandes de la base pendant la lecture de « {file} », ses clients ont donc été identifiés autrement ; rien n’a été importé : attendu : un seul premier import à la fois (relancez-le)")
    case .storeDerivedOutOfRange:
      ("the orders of {month} sum past what '{metric}' can hold; expected monthly sums below 922,337,203,685,477",
       "les commandes de {month} dépassent ce que « {metric} » peut contenir ; attendu : des sommes mensuelles inférieures à 922 337 203 685 477")
    case .storeDemoPathTaken:
      ("'{path}' already exists and is not a crm-roi demo database; expected a new path for the demo",
       "« {path} » existe déjà et n’est pas une base de démonstration crm-roi ; attendu : un nouveau chemin pour la démo")
    case .storeCannotCreateFolder:
      ("cannot create folder '{folder}': {reason}",
       "impossible de créer le dossier « {folder} » : {reason}")
    case .verbatim:
      ("{text}",
       "{text}")
    case .cannotWriteOutput:
      ("cannot write to standard output: {reason}; expected a destination with room for the whole output",
       "impossible d’écrire sur la sortie standard : {reason} ; attendu : une destination avec assez de place pour toute la sortie")
    case .cannotWriteFile:
      ("cannot write '{path}': {reason}; expected a writable file path with room for the whole file (nothing there was changed)",
       "impossible d’écrire « {path} » : {reason} ; attendu : un chemin de fichier accessible en écriture, avec assez de place pour tout le fichier (rien n’y a été modifié)")
    case .temporaryReplaced:
      ("its temporary file {path} was replaced while being written",
       "son fichier temporaire {path} a été remplacé pendant l’écriture")
    case .alreadyExists:
      ("it already exists",
       "il existe déjà")
    case .cannotRemove:
      ("cannot remove {path}: {reason}",
       "impossible de supprimer {path} : {reason}")
    case .columnWithoutName:
      ("no name",
       "sans nom")
    case .atLine:
      ("{file}:{line}: {message}",
       "{file}:{line} : {message}")
    case .atColumn:
      ("{file}:{line}:{column} ({name}): {message}",
       "{file}:{line}:{column} ({name}) : {message}")
    case .cannotOpen:
      ("cannot open: {reason}; expected {expected}",
       "impossible d’ouvrir : {reason} ; attendu : {expected}")
    case .readableCSV:
      ("a readable CSV file",
       "un fichier CSV lisible")
    case .isADirectory:
      ("is a directory; expected {expected}",
       "est un dossier ; attendu : {expected}")
    case .aCSVFile:
      ("a CSV file",
       "un fichier CSV")
    case .noByteOrderMark:
      ("no UTF-16 byte order mark; expected a UTF-16 file as Excel saves \"Unicode text\" (with its mark)",
       "pas de marque d’ordre des octets UTF-16 ; attendu : un fichier UTF-16 tel qu’Excel enregistre le « Texte Unicode » (avec sa marque)")
    case .notUTF16:
      ("not valid UTF-16; expected a file saved as UTF-16 or UTF-8",
       "UTF-16 non valide ; attendu : un fichier enregistré en UTF-16 ou UTF-8")
    case .cannotRead:
      ("cannot read: {reason}",
       "impossible de lire : {reason}")
    case .fieldTooLong:
      ("a field longer than 1,048,576 bytes; expected at most 1 MiB per field",
       "un champ de plus de 1 048 576 octets ; attendu : au plus 1 Mio par champ")
    case .quoteNeverClosed:
      ("a quoted field is never closed; expected a closing \"",
       "un champ entre guillemets n’est jamais fermé ; attendu : un \" fermant")
    case .textAfterQuote:
      ("text after a closing quote; expected {delimiter} or the end of the line",
       "du texte après un guillemet fermant ; attendu : {delimiter} ou la fin de la ligne")
    case .quoteInsideField:
      ("a quote inside an unquoted field; expected the whole field in quotes with \"\" for each quote",
       "un guillemet dans un champ sans guillemets ; attendu : tout le champ entre guillemets, avec \"\" pour chaque guillemet")
    case .notUTF8:
      ("not valid UTF-8; expected a UTF-8 encoded file (or --encoding windows-1252)",
       "UTF-8 non valide ; attendu : un fichier encodé en UTF-8 (ou --encoding windows-1252)")
    case .nulInField:
      ("a NUL byte at byte {byte} of the field; expected text without NUL bytes",
       "un octet NUL à l’octet {byte} du champ ; attendu : du texte sans octet NUL")
    case .oneBadValue:
      ("{file}: 1 bad value; nothing was imported",
       "{file} : 1 valeur incorrecte ; rien n’a été importé")
    case .badValues:
      ("{file}: {count} bad values; nothing was imported",
       "{file} : {count} valeurs incorrectes ; rien n’a été importé")
    case .badValuesListed:
      ("{file}: {count} bad values (the first {listed} are listed); nothing was imported",
       "{file} : {count} valeurs incorrectes (les {listed} premières sont listées) ; rien n’a été importé")
    case .columnTwice:
      ("column '{name}' appears twice; expected each column once",
       "la colonne « {name} » apparaît deux fois ; attendu : chaque colonne une seule fois")
    case .valueWithoutColumnName:
      ("'{value}' is in a column with no header; expected the column named in the header row, or left empty",
       "« {value} » est dans une colonne sans en-tête ; attendu : la colonne nommée dans la ligne d’en-tête, ou laissée vide")
    case .unknownColumn:
      ("unknown column '{name}'; expected {expected}, or leave it out with --ignore-column '{name}'",
       "colonne inconnue « {name} » ; attendu : {expected}, ou écartez-la avec --ignore-column « {name} »")
    case .aComma:
      ("a comma",
       "une virgule")
    case .aSemicolon:
      ("a semicolon",
       "un point-virgule")
    case .aTab:
      ("a tab",
       "une tabulation")
    case .aCharacter:
      ("a '{character}'",
       "un « {character} »")
    case .ruleIncomplete:
      ("'{rule}' is incomplete; expected {expected}",
       "« {rule} » est incomplète ; attendu : {expected}")
    case .ruleTooLong:
      ("unexpected '{word}' after the rule; expected {expected}",
       "« {word} » inattendu après la règle ; attendu : {expected}")
    case .ruleNotAnAccount:
      ("'{word}' is not an account prefix; expected digits, like 651, in {expected}",
       "« {word} » n’est pas un préfixe de compte ; attendu : des chiffres, comme 651, dans {expected}")
    case .ruleAccountForm:
      ("account PREFIX CATEGORY, like account 651 license",
       "account PRÉFIXE CATÉGORIE, comme account 651 license")
    case .ruleVATAccount:
      ("'{prefix}' takes in VAT accounts (4456…), which never count; expected an expense account prefix like 651",
       "« {prefix} » englobe des comptes de TVA (4456…), qui ne comptent jamais ; attendu : un préfixe de compte de charges comme 651")
    case .ruleSupplierForm:
      ("supplier \"NAME\" CATEGORY, like supplier \"OVH\" service",
       "supplier \"NOM\" CATÉGORIE, comme supplier \"OVH\" service")
    case .ruleNotASupplier:
      ("'{word}' is not a supplier name; expected {expected}",
       "« {word} » n’est pas un nom de fournisseur ; attendu : {expected}")
    case .ruleLabelForm:
      ("label /PATTERN/ CATEGORY, like label /CRM|Salesforce/ license",
       "label /MOTIF/ CATÉGORIE, comme label /CRM|Salesforce/ license")
    case .ruleNotAPattern:
      ("'{word}' is not a pattern; expected {expected}",
       "« {word} » n’est pas un motif ; attendu : {expected}")
    case .rulePatternRefused:
      ("'/{pattern}/' is refused: {problem}; expected a pattern like /{example}/",
       "« /{pattern}/ » est refusé : {problem} ; attendu : un motif comme /{example}/")
    case .ruleMetricForm:
      ("metric NAME account PREFIX debit|credit, like metric sales account 70 credit",
       "metric NOM account PRÉFIXE debit|credit, comme metric sales account 70 credit")
    case .ruleNotAMetric:
      ("'{word}' is not a metric name; expected {expected}",
       "« {word} » n’est pas un nom d’indicateur ; attendu : {expected}")
    case .ruleSide:
      ("debit (Debit − Credit) or credit (Credit − Debit) in {form}",
       "debit (Débit − Crédit) ou credit (Crédit − Débit) dans {form}")
    case .fecRuleUnknown:
      ("'{word}' is not a rule; expected account, supplier, label or metric",
       "« {word} » n’est pas une règle ; attendu : account, supplier, label ou metric")
    case .fecNoRules:
      ("no rules; expected lines like account 651 license (expected account, supplier, label or metric)",
       "aucune règle ; attendu : des lignes comme account 651 license (account, supplier, label ou metric)")
    case .ruleQuoteNeverClosed:
      ("a quote is never closed; expected \"NAME\"",
       "un guillemet n’est jamais fermé ; attendu : \"NOM\"")
    case .rulePatternNeverClosed:
      ("a pattern is never closed; expected /PATTERN/",
       "un motif n’est jamais fermé ; attendu : /MOTIF/")
    case .aRulesFile:
      ("a rules file",
       "un fichier de règles")
    case .ruleWrongLength:
      ("'{rule}' is not complete or has more; expected {expected}",
       "« {rule} » est incomplète ou en dit trop ; attendu : {expected}")
    case .ruleSkipForm:
      ("skip N, like skip 3",
       "skip N, comme skip 3")
    case .ruleSkipCount:
      ("a number of records from 0 to 1000",
       "un nombre d’enregistrements de 0 à 1000")
    case .ruleColumnForm:
      ("column \"NAME IN THE FILE\" FIELD, like column \"Montant TTC\" amount (or _ to leave it out)",
       "column \"NOM DANS LE FICHIER\" CHAMP, comme column \"Montant TTC\" amount (ou _ pour l’écarter)")
    case .ruleFieldTwice:
      ("'{field}' is already the field of the column on line {line}; expected each field from one column",
       "« {field} » est déjà le champ de la colonne de la ligne {line} ; attendu : chaque champ tiré d’une seule colonne")
    case .ruleCategoryForm:
      ("category NAME, like category hardware",
       "category NOM, comme category hardware")
    case .ruleNegateForm:
      ("negate FIELD, like negate amount",
       "negate CHAMP, comme negate amount")
    case .ruleIfForm:
      ("if \"COLUMN\" ~ /PATTERN/ category NAME, or … skip",
       "if \"COLONNE\" ~ /MOTIF/ category NOM, ou … skip")
    case .ruleIfSkipForm:
      ("if \"COLUMN\" ~ /PATTERN/ skip",
       "if \"COLONNE\" ~ /MOTIF/ skip")
    case .ruleIfCategoryForm:
      ("if \"COLUMN\" ~ /PATTERN/ category NAME",
       "if \"COLONNE\" ~ /MOTIF/ category NOM")
    case .ruleIfAction:
      ("category NAME or skip after the pattern",
       "category NOM ou skip après le motif")
    case .csvRuleUnknown:
      ("'{word}' is not a rule; expected skip, column, category, if or negate",
       "« {word} » n’est pas une règle ; attendu : skip, column, category, if ou negate")
    case .ruleNoHeader:
      ("no header row after {skip} skipped; expected the file the rules in {file} describe",
       "pas de ligne d’en-tête après {skip} sautées ; attendu : le fichier que décrivent les règles de {file}")
    case .ruleNoColumn:
      ("no column '{column}' in {file}; expected one of: {names}",
       "pas de colonne « {column} » dans {file} ; attendu : une colonne parmi {names}")
    case .formEncoding:
      ("utf-8, utf-16, windows-1252 or latin9",
       "utf-8, utf-16, windows-1252 ou latin9")
    case .formDateNotLongBefore:
      ("a date from {first}-01 on: more than {years} years before go-live is likely a typo",
       "une date à partir du {first}-01 : plus de {years} ans avant la mise en service, c’est sans doute une faute de frappe")
    case .fecSumOutOfRange:
      ("the sum for metric {metric} passes the 64-bit range; expected smaller amounts",
       "la somme de l’indicateur {metric} dépasse la plage des entiers 64 bits ; attendu : des montants plus petits")
    case .fecMetricMonth:
      ("the month of metric {metric} ({file}:{line}): {error}",
       "le mois de l’indicateur {metric} ({file}:{line}) : {error}")
    case .fecMetricSum:
      ("metric {metric} for {month} sums to {value}: {error}",
       "l’indicateur {metric} pour {month} fait une somme de {value} : {error}")
    case .ordersEmptyFile:
      ("the file is empty; expected a header row of a {preset} orders export",
       "le fichier est vide ; attendu : une ligne d’en-tête d’un export de commandes {preset}")
    case .ordersOtherPreset:
      ("no column {columns} of the {preset} preset; expected --preset {likely}, as the header is a {likely} export",
       "pas de colonne {columns} du format {preset} ; attendu : --preset {likely}, car l’en-tête est celui d’un export {likely}")
    case .ordersMissingColumns:
      ("no column {columns}; expected a {preset} orders export with {required} (any case), or --preset and --rules for another export",
       "pas de colonne {columns} ; attendu : un export de commandes {preset} avec {required} (en majuscules ou minuscules), ou --preset et --rules pour un autre export")
    case .formOrderID:
      ("the order's id or number, at most 256 characters",
       "l’identifiant ou le numéro de la commande, au plus 256 caractères")
    case .formOrderOnce:
      ("each order once (it is also on line {line})",
       "chaque commande une seule fois (elle est aussi à la ligne {line})")
    case .formOrderOnceShopify:
      ("each order once (it is also on line {line}); a line item's row leaves Total empty",
       "chaque commande une seule fois (elle est aussi à la ligne {line}) ; la ligne d’un article laisse Total vide")
    case .formDatabaseCurrency:
      ("{code}, the database's currency",
       "{code}, la devise de la base")
    case .formOrderDate:
      ("a date no later than {month} (an order cannot come from the future)",
       "une date au plus tard en {month} (une commande ne peut pas venir du futur)")
    case .formOrderNetInRange:
      ("a total whose net (total − taxes − shipping) fits in {code}'s range",
       "un total dont le net (total − taxes − livraison) tient dans la plage des montants en {code}")
    case .formOrderTotal:
      ("a total of at least its taxes and shipping (the net amount, total − taxes − shipping, is {net})",
       "un total au moins égal à ses taxes et frais de livraison (le montant net, total − taxes − livraison, vaut {net})")
    case .formOrderNet:
      ("a net amount of 0 or more",
       "un montant net de 0 ou plus")
    case .formRefunded:
      ("a refunded amount of 0 or more",
       "un montant remboursé de 0 ou plus")
    case .formStatus:
      ("a status of at most 64 characters",
       "un statut d’au plus 64 caractères")
    case .fecHeader:
      ("the FEC header {columns} (or Montant|Sens for Debit|Credit), separated by tabs or |",
       "l’en-tête FEC {columns} (ou Montant|Sens pour Debit|Credit), séparé par des tabulations ou des |")
    case .aFECFile:
      ("a FEC file",
       "un fichier FEC")
    case .fecEmpty:
      ("an empty file; expected {expected}",
       "un fichier vide ; attendu : {expected}")
    case .fecNoSeparator:
      ("no tab or | in the header; expected {expected}",
       "ni tabulation ni | dans l’en-tête ; attendu : {expected}")
    case .fecNoColumn:
      ("no column '{column}'; expected {expected}",
       "pas de colonne « {column} » ; attendu : {expected}")
    case .fecPipes:
      ("'|'",
       "des '|'")
    case .fecTabs:
      ("tabs",
       "des tabulations")
    case .fecOneField:
      ("1 field; expected {expected} as in the header, separated by {separator}",
       "1 champ ; attendu : {expected} comme dans l’en-tête, séparés par {separator}")
    case .fecFieldCount:
      ("{count} fields; expected {expected} as in the header, separated by {separator}",
       "{count} champs ; attendu : {expected} comme dans l’en-tête, séparés par {separator}")
    case .nulByte:
      ("a NUL byte; expected text without NUL bytes",
       "un octet NUL ; attendu : du texte sans octet NUL")
    case .fecRequired:
      ("a {column} on every line of a FEC",
       "un {column} sur chaque ligne d’un FEC")
    case .fecDifferenceOutOfRange:
      ("'{debit}' less '{credit}' is out of range; expected amounts within the 64-bit range",
       "« {debit} » moins « {credit} » sort de la plage ; attendu : des montants dans la plage des entiers 64 bits")
    case .fecDateForm:
      ("a date as YYYYMMDD, like 20250315",
       "une date au format AAAAMMJJ, comme 20250315")
    case .fecRealDay:
      ("a date as YYYYMMDD, like 20250315 (a real day)",
       "une date au format AAAAMMJJ, comme 20250315 (un jour qui existe)")
    case .fecWholeAmount:
      ("an amount like 1234,56 (digits, a decimal comma, no decimals, no thousands separator)",
       "un montant comme 1234 (des chiffres, sans décimales, sans séparateur de milliers)")
    case .fecAmount:
      ("an amount like 1234,56 (digits, a decimal comma, at most {places} decimals, no thousands separator)",
       "un montant comme 1234,56 (des chiffres, une virgule décimale, au plus {places} décimales, sans séparateur de milliers)")
    case .fecSide:
      ("D (debit) or C (credit)",
       "D (débit) ou C (crédit)")
    case .notUTF16Text:
      ("not valid UTF-16; expected a file saved as UTF-8, ISO-8859-15 or UTF-16",
       "UTF-16 non valide ; attendu : un fichier enregistré en UTF-8, ISO-8859-15 ou UTF-16")
    case .formDayFirstDate:
      ("a date like 2026-02-01, 01/02/2026, 01.02.2026 or 01-02-2026 (day first)",
       "une date comme 2026-02-01, 01/02/2026, 01.02.2026 ou 01-02-2026 (le jour d’abord)")
    case .formMonthFirstDate:
      ("a date like 2026-02-01 or 02/01/2026 (month first, --date-format mdy)",
       "une date comme 2026-02-01 ou 02/01/2026 (le mois d’abord, --date-format mdy)")
    case .formHumanMonth:
      ("a month like 2026-02, 02/2026, févr. 2026 or Feb 2026",
       "un mois comme 2026-02, 02/2026, févr. 2026 ou Feb 2026")
    case .formDayFirstNoMonth:
      ("a day-first date (there is no month {month}); if this file writes the month first, import it with --date-format mdy",
       "une date avec le jour d’abord (il n’y a pas de mois {month}) ; si ce fichier écrit le mois d’abord, importez-le avec --date-format mdy")
    case .formExistingDate:
      ("a date that exists ({date} does not); {form}",
       "une date qui existe ({date} n’existe pas) ; {form}")
    case .formCommaNumber:
      ("a number like 1234,56, 1 234,56 or 1.234,56, with {code} or its symbol if any",
       "un nombre comme 1234,56, 1 234,56 ou 1.234,56, avec {code} ou son symbole s’il y en a")
    case .formPointNumber:
      ("a number like 1234.56 or 1,234.56, with {code} or its symbol if any",
       "un nombre comme 1234.56 ou 1,234.56, avec {code} ou son symbole s’il y en a")
    case .formCurrencySymbol:
      ("an amount in {code}, the database's currency ({symbol} is not {code})",
       "un montant en {code}, la devise de la base ({symbol} n’est pas {code})")
    case .formCurrencyCode:
      ("an amount in {code}, the database's currency, not {other}",
       "un montant en {code}, la devise de la base, pas en {other}")
    case .expensesEmptyFile:
      ("the file is empty; expected a header row like {example}",
       "le fichier est vide ; attendu : une ligne d’en-tête comme {example}")
    case .expenseColumns:
      ("columns from {example} (or their French names)",
       "des colonnes parmi {example} (ou leurs noms français)")
    case .expenseHeaderLacks:
      ("the header '{header}' has no {columns} column; expected a header row like {example} (or the French date;catégorie;montant)",
       "l’en-tête « {header} » n’a pas de colonne {columns} ; attendu : une ligne d’en-tête comme {example} (ou en français date;catégorie;montant)")
    case .fieldCount:
      ("{count} fields; expected {expected}, one per header column",
       "{count} champs ; attendu : {expected}, un par colonne d’en-tête")
    case .ambiguousNumber:
      ("'{value}' could be {plain} or a grouped {grouped}, as other values in this file group thousands; expected it written unambiguously",
       "« {value} » pourrait valoir {plain} ou {grouped} avec séparateur de milliers, comme d’autres valeurs de ce fichier ; attendu : une écriture sans ambiguïté")
    case .metricsEmptyFile:
      ("the file is empty; expected a header row: month,metric,value or month,NAME,NAME…",
       "le fichier est vide ; attendu : une ligne d’en-tête month,metric,value ou month,NOM,NOM…")
    case .metricsNoMonth:
      ("the header '{header}' has no month column; expected month,metric,value or month,NAME,NAME…",
       "l’en-tête « {header} » n’a pas de colonne month ; attendu : month,metric,value ou month,NOM,NOM…")
    case .metricColumnUnknown:
      ("{error}, or leave the column out with --ignore-column '{name}'",
       "{error}, ou écartez la colonne avec --ignore-column « {name} »")
    case .valueTwice:
      ("{metric} for {month} is also on line {line}; expected one value per metric and month",
       "{metric} pour {month} est aussi à la ligne {line} ; attendu : une valeur par indicateur et par mois")
    case .formDatabasePath:
      ("a database file path, like crm-roi.sqlite (not SQLite's :memory: or a file: URI)",
       "un chemin de fichier de base, comme crm-roi.sqlite (pas :memory: de SQLite ni une URI file:)")
    case .formPercentRange:
      ("a percent from {low} to {high}",
       "un pourcentage de {low} à {high}")
    case .fromSource:
      ("{source}: {error}",
       "{source} : {error}")
    case .sourceEnvironment:
      ("environment",
       "environnement")
    case .categoryLicense:
      ("license",
       "licence")
    case .categoryInstallation:
      ("installation",
       "installation")
    case .categoryHardware:
      ("hardware",
       "matériel")
    case .categoryLabor:
      ("labor",
       "main-d’œuvre")
    case .categoryService:
      ("service",
       "prestation")
    case .categoryTraining:
      ("training",
       "formation")
    case .categoryMaintenance:
      ("maintenance",
       "entretien")
    case .categoryOther:
      ("other",
       "autre")
    case .everyMonth:
      ("month",
       "mois")
    case .everyQuarter:
      ("quarter",
       "trimestre")
    case .everyYear:
      ("year",
       "année")
    case .expenseSummary:
      ("{date} {category} {amount}",
       "{date} {category} {amount}")
    case .recursToHorizonEnd:
      (" every {every} until the horizon end",
       " chaque {every} jusqu’à la fin de l’horizon")
    case .recursUntil:
      (" every {every} until {until}",
       " chaque {every} jusqu’à {until}")
    case .columnID:
      ("ID",
       "N°")
    case .columnDate:
      ("Date",
       "Date")
    case .columnCategory:
      ("Category",
       "Catégorie")
    case .columnAmount:
      ("Amount",
       "Montant")
    case .columnRecurs:
      ("Recurs",
       "Récurrence")
    case .columnUntil:
      ("Until",
       "Jusqu’à")
    case .columnNote:
      ("Note",
       "Note")
    case .columnSupplier:
      ("Supplier",
       "Fournisseur")
    case .laborNote:
      ("{hours} h × {rate}",
       "{hours} h × {rate}")
    case .recursEvery:
      ("every {every}",
       "chaque {every}")
    case .once:
      ("once",
       "une fois")
    case .horizon:
      ("horizon",
       "horizon")
    case .expenseAdded:
      ("Added expense {id}: {expense}{recurrence}.",
       "Dépense {id} ajoutée : {expense}{recurrence}.")
    case .noExpensesYet:
      ("No expenses yet: add one with crm-roi expense add.",
       "Aucune dépense pour l’instant : ajoutez-en une avec crm-roi expense add.")
    case .expenseRestored:
      ("Restored expense {id}: {date} {category}.",
       "Dépense {id} restaurée : {date} {category}.")
    case .expenseRemoved:
      ("Removed expense {id}; crm-roi expense restore {id} brings it back.",
       "Dépense {id} supprimée ; pour l’annuler : crm-roi expense restore {id}.")
    case .formExpenseID:
      ("an expense id, a positive whole number",
       "un numéro de dépense, un nombre entier positif")
    case .formSomeField:
      ("at least one field to change, like --amount 9900",
       "au moins un champ à modifier, comme --amount 9900")
    case .formEveryOrNone:
      ("month, quarter, year, or none (once) for a one-time expense",
       "month, quarter, year, ou none (once) pour une dépense ponctuelle")
    case .formUntilOrNone:
      ("a month like 2026-12, or none to run to the horizon end",
       "un mois comme 2026-12, ou none pour aller jusqu’à la fin de l’horizon")
    case .formNoUntilWhenOnce:
      ("no end month for an expense made one-time with --every none",
       "pas de mois de fin pour une dépense rendue ponctuelle avec --every none")
    case .expenseUpdated:
      ("Updated expense {id}: {expense}.",
       "Dépense {id} modifiée : {expense}.")
    case .expenseUnchanged:
      ("Expense {id} already reads so: nothing changed.",
       "La dépense {id} est déjà ainsi : rien n’a changé.")
    case .formSomePair:
      ("at least one NAME=VALUE, like sales=182000",
       "au moins un NOM=VALEUR, comme ventes=182000")
    case .formPair:
      ("NAME=VALUE, like sales=182000",
       "NOM=VALEUR, comme ventes=182000")
    case .formMetricOnce:
      ("each metric once per command",
       "chaque indicateur une seule fois par commande")
    case .sourceValueOf:
      ("value of {metric}",
       "valeur de l’indicateur {metric}")
    case .logged:
      ("Logged {month}: {added}, {replaced}, {unchanged}.",
       "Valeurs saisies pour {month} : {added}, {replaced}, {unchanged}.")
    case .unloggedOne:
      ("Removed {count} value of {month}.",
       "{count} valeur supprimée pour {month}.")
    case .unlogged:
      ("Removed {count} values of {month}.",
       "{count} valeurs supprimées pour {month}.")
    case .sourceGoLiveAndHorizon:
      ("--go-live and --horizon-years",
       "--go-live et --horizon-years")
    case .created:
      ("Created {path}",
       "Base créée : {path}")
    case .wrote:
      ("Wrote {path}",
       "Écrit : {path}")
    case .formLimit:
      ("a whole number above 0, like 50",
       "un nombre entier supérieur à 0, comme 50")
    case .columnTime:
      ("Time (UTC)",
       "Heure (UTC)")
    case .columnAction:
      ("Action",
       "Action")
    case .columnSubject:
      ("Subject",
       "Objet")
    case .columnOld:
      ("Old",
       "Avant")
    case .columnNew:
      ("New",
       "Après")
    case .noHistoryYet:
      ("No changes recorded yet.",
       "Aucune modification enregistrée pour l’instant.")
    case .noProblems:
      ("No problems found.",
       "Aucun problème trouvé.")
    case .oneFinding:
      ("1 finding.",
       "1 constat.")
    case .findings:
      ("{count} findings.",
       "{count} constats.")
    case .backedUp:
      ("Backed up {path} to {file}.",
       "Sauvegarde de {path} écrite dans {file}.")
    case .sourceMetricName:
      ("metric name",
       "nom de l’indicateur")
    case .metricAdded:
      ("Added metric {name} ({kind}).",
       "Indicateur {name} ajouté ({kind}).")
    case .formSomeMetricOption:
      ("at least one of --kind, --margin, --unit-value, --target, --attribution, --rename, --from-orders",
       "au moins l’une des options --kind, --margin, --unit-value, --target, --attribution, --rename, --from-orders")
    case .metricUpdated:
      ("Updated metric {name}.",
       "Indicateur {name} modifié.")
    case .columnName:
      ("Name",
       "Nom")
    case .columnKind:
      ("Kind",
       "Type")
    case .columnMoneyPerChange:
      ("Money per change",
       "Valeur d’un changement")
    case .columnAttribution:
      ("Attribution",
       "Attribution")
    case .factorMargin:
      ("margin {margin}",
       "marge {margin}")
    case .factorPerUnit:
      ("{amount} per unit",
       "{amount} par unité")
    case .factorCost:
      ("each {code} less is saved",
       "1 {code} de moins, 1 {code} gagné")
    case .factorNone:
      ("none",
       "aucune")
    case .kindFromOrders:
      (" (from orders: {series})",
       " (des commandes : {series})")
    case .noMetricsYet:
      ("No metrics yet: add one with crm-roi metric add.",
       "Aucun indicateur pour l’instant : ajoutez-en un avec crm-roi metric add.")
    case .metricRemoved:
      ("Removed metric {name}.",
       "Indicateur {name} supprimé.")
    case .relabelled:
      ("Relabelled the amounts from {from} to {to}; they were not converted.",
       "Montants renommés de {from} en {to} ; ils n’ont pas été convertis.")
    case .settingsShown:
      ("currency           {currency} ({decimals} decimals)\ngo-live            {goLive}\nbaseline-months    {baselineMonths} ({first} to {last})\nhorizon-years      {horizonYears} (recurring costs until {horizonEnd})\nfiscal-year-start  {fiscalYearStart} (go-live is in {quarter})\nbaseline-method    {baselineMethod}\nlanguage           {language}",
       "currency           {currency} ({decimals} décimales)\ngo-live            {goLive}\nbaseline-months    {baselineMonths} ({first} à {last})\nhorizon-years      {horizonYears} (coûts récurrents jusqu’à {horizonEnd})\nfiscal-year-start  {fiscalYearStart} (mise en service au {quarter})\nbaseline-method    {baselineMethod}\nlanguage           {language}")
    case .languageNotSet:
      ("not set (--lang, CRM_ROI_LANG or the locale, else en)",
       "non réglée (--lang, CRM_ROI_LANG ou la locale, sinon l’anglais)")
    case .formSetting:
      ("a setting: {keys}",
       "un réglage : {keys}")
    case .formDelimiter:
      ("',', ';' or tab",
       "',', ';' ou tab")
    case .formOneDecimalMark:
      ("one of --decimal-comma and --decimal-point",
       "une seule des options --decimal-comma et --decimal-point")
    case .formDateOrder:
      ("dmy or mdy",
       "dmy ou mdy")
    case .dialectSummary:
      ("{encoding}, {separated}, {decimal}{dates}",
       "{encoding}, {separated}, {decimal}{dates}")
    case .commaSeparated:
      ("comma-separated",
       "séparé par des virgules")
    case .semicolonSeparated:
      ("semicolon-separated",
       "séparé par des points-virgules")
    case .tabSeparated:
      ("tab-separated",
       "séparé par des tabulations")
    case .decimalComma:
      ("decimal comma",
       "virgule décimale")
    case .decimalPoint:
      ("decimal point",
       "point décimal")
    case .monthFirstDates:
      (", month-first dates",
       ", dates avec le mois d’abord")
    case .imported:
      ("Imported {file}",
       "{file} importé")
    case .wouldImport:
      ("Dry run, nothing written: would import {file}",
       "Essai à blanc, rien n’est écrit ; {file} donnerait")
    case .importedExpenses:
      ("{action}: {added}, 0 replaced, {skipped} (already stored); read as {dialect}.",
       "{action} : {added}, 0 remplacée, {skipped} (déjà enregistrées) ; lu comme {dialect}.")
    case .importedMetrics:
      ("{action}: {added}, {replaced}, {skipped} (same value stored); read as {dialect}.",
       "{action} : {added}, {replaced}, {skipped} (même valeur enregistrée) ; lu comme {dialect}.")
    case .importedOrders:
      ("{action}: {added}, {replaced}, {skipped} (already stored){leftOut}{passedOver}; read as {dialect}.",
       "{action} : {added}, {replaced}, {skipped} (déjà enregistrées){leftOut}{passedOver} ; lu comme {dialect}.")
    case .ordersLeftOut:
      ("; {count} cancelled, voided or failed (kept, counted nowhere)",
       " ; {count} annulées ou échouées (gardées, comptées nulle part)")
    case .lineItemsPassedOver:
      ("; {count} line-item rows of orders already read",
       " ; {count} lignes d’articles de commandes déjà lues")
    case .importedFEC:
      ("{action}: {added}, {skipped} (already imported), {credits} left out; {values}, {replaced}; read as {encoding}.",
       "{action} : {added}, {skipped} (déjà importées), {credits} ; {values}, {replaced} ; lu comme {encoding}.")
    case .fecFiscalYearFromName:
      ("Fiscal year closing {date} (from the file's name); entries are known by journal and number within it.",
       "Exercice clos le {date} (d’après le nom du fichier) ; les écritures y sont reconnues par journal et numéro.")
    case .fecFiscalYearFromDates:
      ("Fiscal year closing {date} (from the dates of most of its lines and the fiscal year start; name the file SIRENFECYYYYMMDD to set it); entries are known by journal and number within it.",
       "Exercice clos le {date} (d’après les dates de la plupart de ses lignes et le début d’exercice ; nommez le fichier SIRENFECAAAAMMJJ pour le fixer) ; les écritures y sont reconnues par journal et numéro.")
    case .fecRegroupedJournal:
      ("Journal {journal}: EcritureNum does not identify its entries (one number spans several dates or does not balance); its {lines} lines were grouped by EcritureDate, PieceRef and EcritureLib into {entries} entries.",
       "Journal {journal} : EcritureNum n’identifie pas ses écritures (un numéro couvre plusieurs dates ou n’est pas équilibré) ; ses {lines} lignes ont été regroupées par EcritureDate, PieceRef et EcritureLib en {entries} écritures.")
    case .fecRuleTookNothing:
      ("Rule at line {rule}: took no line.",
       "Règle ligne {rule} : aucune ligne prise.")
    case .fecRuleTally:
      ("Rule at line {rule}: {count}, {first} to {last}, total {total}.",
       "Règle ligne {rule} : {count}, du {first} au {last}, total {total}.")
    case .importLeftOutHeading:
      ("Left out:",
       "Écartées :")
    case .fecLeftOutCredit:
      ("{count} credit lines (Debit − Credit ≤ 0: a credit note or a reversal): lines {lines}",
       "{count} lignes au crédit (Débit − Crédit ≤ 0 : un avoir ou une extourne) : lignes {lines}")
    case .fecLeftOutOpening:
      ("{count} opening-balance lines (journal AN or an à-nouveaux entry: last year's balances carried forward, not a new cost): lines {lines}",
       "{count} lignes d’à-nouveaux (journal AN ou écriture d’ouverture : les soldes de l’exercice précédent, pas une dépense nouvelle) : lignes {lines}")
    case .fecLeftOutAlready:
      ("{count} lines already imported (the same fiscal year, journal, entry and line): lines {lines}",
       "{count} lignes déjà importées (même exercice, journal, écriture et ligne) : lignes {lines}")
    case .fecTakenHeading:
      ("Lines taken ({count}): file:line, date, account, label, amount, the rule and what it makes of the line:",
       "Lignes prises ({count}) : fichier:ligne, date, compte, libellé, montant, la règle et ce qu’elle en fait :")
    case .fecTargetExpense:
      ("expense, {category}",
       "dépense, {category}")
    case .fecTargetMetric:
      ("{metric} for {month}",
       "{metric} pour {month}")
    case .fecTargetLeftOutCredit:
      ("left out: a credit",
       "écartée : au crédit")
    case .fecTargetLeftOutOpening:
      ("left out: an opening balance",
       "écartée : à-nouveaux")
    case .fecTakenBy:
      ("rule {rule} → {target}",
       "règle {rule} → {target}")
    case .ordersNotCountedStatus:
      ("{count} orders kept but not counted, status '{status}' (cancelled, or a payment that failed, was declined or expired): lines {lines}",
       "{count} commandes gardées mais non comptées, statut « {status} » (annulée, ou un paiement refusé, échoué ou expiré) : lignes {lines}")
    case .ordersWithoutCustomer:
      ("{count} orders without an e-mail, phone or customer id: counted in sales and orders, left out of new-customers and repeat-orders: lines {lines}",
       "{count} commandes sans e-mail, téléphone ni identifiant client : comptées dans les ventes et les commandes, pas dans les nouveaux clients ni les commandes répétées : lignes {lines}")
    case .totalRowNotLast:
      ("a total row (its first cell Total, Somme or Sous-total, no date) with more rows after it (line {line}); expected the total as the last row, or no total",
       "une ligne de total (première cellule Total, Somme ou Sous-total, sans date) suivie d’autres lignes (ligne {line}) ; attendu : le total en dernière ligne, ou pas de total")
    case .rowsSkipped:
      ("{rows} skipped: lines {lines}",
       "{rows} : lignes {lines}")
    case .emptyRowOne:
      ("{count} empty row",
       "{count} ligne vide écartée")
    case .emptyRowMany:
      ("{count} empty rows",
       "{count} lignes vides écartées")
    case .totalRowOne:
      ("{count} total row",
       "{count} ligne de total écartée")
    case .totalRowMany:
      ("{count} total rows",
       "{count} lignes de total écartées")
    case .rowsAnd:
      ("{first} and {second}",
       "{first} et {second}")
    case .patternUnbalanced:
      ("a parenthesis, a bracket, a range or a count that is not closed or not in order",
       "une parenthèse, un crochet, un intervalle ou un nombre de répétitions non fermé ou dans le désordre")
    case .patternQuantifiedAssertion:
      ("^, $ or \\b repeated",
       "^, $ ou \\b répété")
    case .patternUnsupported:
      ("{what} is not supported (patterns are matched without backtracking, in time linear in the text)",
       "{what} n’est pas pris en charge (les motifs sont cherchés sans retour arrière, en un temps linéaire dans le texte)")
    case .patternCountTooLarge:
      ("a count of repetitions above {maximum}",
       "un nombre de répétitions au-delà de {maximum}")
    case .patternNothingToRepeat:
      ("'{mark}' with nothing before it to repeat",
       "« {mark} » sans rien avant à répéter")
    case .patternTooDeep:
      ("groups nested more than {maximum} deep",
       "des groupes imbriqués sur plus de {maximum} niveaux")
    case .patternTooLarge:
      ("the pattern makes more than {maximum} states",
       "le motif fait plus de {maximum} états")
    case .warningCustomerHistoryShort:
      ("{metrics} need 12 months of orders before they are used: the orders start in {first}, so a customer who bought before then is taken for new until {settled}, and the baseline starts in {needed}: their changes and objectives rest on that short history. Import older orders, or read these series from {settled} on.",
       "{metrics} demandent 12 mois de commandes avant d’être utilisés : les commandes commencent en {first}, donc un client qui a acheté avant est pris pour nouveau jusqu’en {settled}, et la référence commence en {needed} : leurs écarts et leurs objectifs reposent sur cet historique trop court. Importez des commandes plus anciennes, ou lisez ces séries à partir de {settled}.")
    case .warningIncompleteMonth:
      ("The orders of {month} stop on {lastDay} ({orders} orders), too early in the month for its pace: the export was taken before the month ended. The report stops at the month before; import an export that covers {month}, or use --allow-incomplete.",
       "Les commandes de {month} s’arrêtent le {lastDay} ({orders} commandes), trop tôt dans le mois pour son rythme : l’export a été fait avant la fin du mois. Le rapport s’arrête au mois précédent ; importez un export qui couvre {month}, ou utilisez --allow-incomplete.")
    case .warningFECRegrouped:
      ("{count} expenses come from FEC journal {journal}, whose EcritureNum did not identify entries: its lines were grouped by date, PieceRef and label. Check them with crm-roi import fec … --dry-run.",
       "{count} dépenses viennent du journal {journal} du FEC, dont l’EcritureNum n’identifiait pas les écritures : ses lignes ont été regroupées par date, PieceRef et libellé. Vérifiez-les avec crm-roi import fec … --dry-run.")
    case .warningPossibleDuplicate:
      ("Expenses {first} and {second} have the same amount {days} days apart, one from the FEC and one typed or from a CSV: the same cost counted twice? Remove one with crm-roi expense remove.",
       "Les dépenses {first} et {second} ont le même montant à {days} jours d’écart, l’une du FEC et l’autre saisie ou d’un CSV : le même coût compté deux fois ? Retirez-en une avec crm-roi expense remove.")
    case .warningOrdersWithoutCustomer:
      ("{count} orders without an e-mail, a phone or a customer id in {months} (more than 5 % of those months' orders): {metrics} leave them out, so they count fewer customers than bought.",
       "{count} commandes sans e-mail, téléphone ni identifiant client en {months} (plus de 5 % des commandes de ces mois) : {metrics} les laissent de côté, et comptent donc moins de clients qu’il n’y a eu d’acheteurs.")
    case .checkExpenseLongBeforeGoLive:
      ("expense {id} is dated {date}, more than 12 months before go-live ({goLive}): a cost of the CRM, or an older one picked by an import rule?",
       "la dépense {id} est datée du {date}, plus de 12 mois avant la mise en service ({goLive}) : un coût du CRM, ou un plus ancien pris par une règle d’import ?")
    case .warningIncompleteMonthIncluded:
      ("The orders of {month} stop on {lastDay} ({orders} orders), too early in the month for its pace: the export was taken before the month ended. The month is counted as asked (--allow-incomplete), so its benefit is understated.",
       "Les commandes de {month} s’arrêtent le {lastDay} ({orders} commandes), trop tôt dans le mois pour son rythme : l’export a été fait avant la fin du mois. Le mois est compté comme demandé (--allow-incomplete) : son bénéfice est donc sous-estimé.")
    case .asOfIncomplete:
      ("As of {month}: the last month whose orders are complete ({left} is left out: its orders stop early)",
       "Données à fin {month} : dernier mois aux commandes complètes ({left} est écarté : ses commandes s’arrêtent tôt)")
    case .ambiguousPoint:
      ("'{value}' reads two ways: {thousands} (a thousands point) or {decimal} (a decimal point, written with this file's decimal comma), and no other value of the file shows which; expected {thousands} or {decimal} written so, or --decimal-comma or --decimal-point",
       "« {value} » se lit de deux façons : {thousands} (un point des milliers) ou {decimal} (un point décimal, écrit avec la virgule décimale de ce fichier), et aucune autre valeur du fichier ne dit laquelle ; attendu : {thousands} ou {decimal} écrit ainsi, ou --decimal-comma ou --decimal-point")
    case .rowsSkippedByRule:
      ("{count} rows skipped by the rule at {file}:{rule}: lines {lines}",
       "{count} lignes écartées par la règle {file}:{rule} : lignes {lines}")
    case .lineOne:
      ("{count} line",
       "{count} ligne")
    case .lineMany:
      ("{count} lines",
       "{count} lignes")
    case .ordersKeptOne:
      ("{count} order kept: this file is older than the one that wrote it",
       "{count} commande gardée : ce fichier est plus ancien que celui qui l’a écrite")
    case .fecTargetAlready:
      ("expense, {category}, imported already",
       "dépense, {category}, déjà importée")
    case .alsoWindows1252:
      (" (its only accented letters are pairs that Windows-1252 text makes by chance, as in '{sample}': add --encoding windows-1252 if that is how it reads)",
       " (ses seules lettres accentuées sont des paires qu’un texte Windows-1252 fait par hasard, comme dans « {sample} » : ajoutez --encoding windows-1252 si c’est ainsi qu’il se lit)")
    case .ordersPresetDetected:
      ("Read as a {preset} export, recognised from its header.",
       "Lu comme un export {preset}, reconnu à son en-tête.")
    case .ordersKeptOlder:
      ("{count} orders kept: this file is older than the one that wrote them",
       "{count} commandes gardées : ce fichier est plus ancien que celui qui les a écrites")
    case .fecFiscalYearNameDisagrees:
      ("Fiscal year closing {date} (from the lines' dates: the file's name says {named}, which its lines do not fit); entries are known by journal and number within it.",
       "Exercice clos le {date} (d’après les dates des lignes : le nom du fichier dit {named}, qui ne correspond pas à ses lignes) ; les écritures y sont reconnues par journal et numéro.")
    case .formPointTwoWays:
      ("a number that reads one way: this could be {thousands} (a thousands point) or {decimal}; write {thousands} or {decimal}",
       "un nombre qui se lit d’une seule façon : ceci pourrait être {thousands} (un point des milliers) ou {decimal} ; écrivez {thousands} ou {decimal}")
    case .ordersWithoutID:
      ("{count} rows without an order id, which no order can be made of: lines {lines}",
       "{count} lignes sans identifiant de commande, dont aucune commande ne peut être faite : lignes {lines}")
    case .databaseDamaged:
      ("the database is damaged ({detail}); expected an intact database: run crm-roi check, and restore it from a backup",
       "la base est endommagée ({detail}) ; attendu : une base intacte : lancez crm-roi check, et restaurez-la depuis une sauvegarde")
    case .sqliteError:
      ("SQLite error {code}: {message}",
       "erreur SQLite {code} : {message}")
    case .sqliteErrorIn:
      ("SQLite error {code}: {message} (in {sql})",
       "erreur SQLite {code} : {message} (dans {sql})")
    case .htmlTitle:
      ("CRM ROI report",
       "Rapport de retour sur investissement du CRM")
    case .htmlSettings:
      ("Currency {currency}, go-live {goLive}, baseline {baselineMonths} months ({baselineStart} to {baselineEnd}), horizon {horizon} to {horizonEnd}, fiscal year from month {fiscalYearStart}. As of {asOf}, the latest month with logged values.",
       "Devise {currency}, mise en service {goLive}, référence sur les {baselineMonths} mois d’avant ({baselineStart} à {baselineEnd}), horizon {horizon} jusqu’à {horizonEnd}, exercice commençant en {fiscalYearStart}. Données à fin {asOf}, dernier mois saisi.")
    case .htmlTotalCostOfOwnership:
      ("Total cost of ownership",
       "Coût total de possession")
    case .htmlBreakEvenQuarter:
      ("Break-even quarter, to date",
       "Trimestre de rentabilité, à ce jour")
    case .htmlProjectedPayback:
      ("Payback rule of thumb (TCO / a year's benefit at this pace)",
       "Récupération, règle approximative (coût total / un an de bénéfice à ce rythme)")
    case .htmlNoneYet:
      ("none yet",
       "aucun pour l’instant")
    case .htmlWithinNoise:
      ("{percent} (noise band: {low} to {high})",
       "{percent} (bande de bruit : {low} à {high})")
    case .htmlNetPresentValue:
      ("Net present value to date",
       "Valeur actuelle nette (VAN) à ce jour")
    case .htmlNetPresentValueDetail:
      ("{amount} at {rate} a year, benefit set aside for risk {risk} (ROI to date {roi}, break-even {breakEven})",
       "{amount} au taux de {rate} par an, bénéfice mis de côté pour le risque {risk} (ROI à ce jour {roi}, seuil de rentabilité {breakEven})")
    case .htmlProjectionTo:
      ("Projection to {month}",
       "Projection jusqu’à {month}")
    case .htmlProjectionDetail:
      ("lifetime benefit {benefit}, lifetime ROI {roi}, break-even {breakEven} (a projection at {runRate} a month)",
       "bénéfice sur l’horizon {benefit}, ROI sur l’horizon {roi}, seuil de rentabilité {breakEven} (projection à {runRate} par mois)")
    case .htmlCostAndBenefit:
      ("Cost and benefit per quarter",
       "Coût et bénéfice par trimestre")
    case .htmlCostAndBenefitDescription:
      ("Bars: expense occurrences and measured benefit in each quarter.",
       "Barres : dépenses engagées et bénéfice mesuré de chaque trimestre.")
    case .htmlCostTip:
      ("{quarter} cost: {amount}",
       "{quarter} coût : {amount}")
    case .htmlBenefitTip:
      ("{quarter} benefit: {amount}",
       "{quarter} bénéfice : {amount}")
    case .htmlCumulative:
      ("Cumulative cost and benefit",
       "Coût et bénéfice cumulés")
    case .htmlCumulativeWithProjection:
      ("Cumulative cost and benefit (dashed: projection)",
       "Coût et bénéfice cumulés (en pointillés : projection)")
    case .htmlCumulativeDescription:
      ("Lines: running sums; the dashed line marks break-even; dashed lines after the history are a projection.",
       "Courbes : cumuls à date ; la ligne verticale en pointillés marque le seuil de rentabilité ; les courbes en pointillés après l’historique sont une projection.")
    case .htmlProjectedTip:
      ("{quarter} (projected): {amount}",
       "{quarter} (projection) : {amount}")
    case .htmlProjectedBreakEven:
      ("Projected break-even {quarter}",
       "Seuil de rentabilité projeté {quarter}")
    case .htmlCumulativeCostTip:
      ("{quarter} cumulative cost: {amount}",
       "{quarter} coût cumulé : {amount}")
    case .htmlCumulativeBenefitTip:
      ("{quarter} cumulative benefit: {amount}",
       "{quarter} bénéfice cumulé : {amount}")
    case .htmlBreakEven:
      ("Break-even {quarter}",
       "Seuil de rentabilité {quarter}")
    case .htmlCumulativeCost:
      ("Cumulative cost",
       "Coût cumulé")
    case .htmlCumulativeBenefit:
      ("Cumulative benefit",
       "Bénéfice cumulé")
    case .htmlRollingDescription:
      ("Benefit of the last twelve months (fewer just after go-live) over the total cost of ownership.",
       "Bénéfice des douze derniers mois (moins juste après la mise en service) rapporté au coût total de possession.")
    case .htmlTip:
      ("{label}: {value}",
       "{label} : {value}")
    case .htmlBenefitByMetric:
      ("Benefit by metric per quarter",
       "Bénéfice par indicateur et par trimestre")
    case .htmlBenefitByMetricDescription:
      ("Stacked bars: each money metric's benefit in each quarter; losses below the axis.",
       "Barres empilées : bénéfice de chaque indicateur monétaire par trimestre ; pertes sous l’axe.")
    case .htmlEachMetric:
      ("Each metric before and after go-live",
       "Chaque indicateur avant et après la mise en service")
    case .htmlMetricChartTitle:
      ("{metric}: values and baseline",
       "{metric} : valeurs et référence")
    case .htmlMetricChartDescription:
      ("Monthly values of {metric} (solid), its baseline (dashed) and, shaded, the baseline ± twice its standard deviation; the vertical line is go-live.",
       "Valeurs mensuelles de l’indicateur {metric} (trait plein), sa référence (pointillés) et, en grisé, sa bande de bruit : la référence ± deux fois son écart type ; la ligne verticale marque la mise en service.")
    case .htmlGoLive:
      ("go-live",
       "mise en service")
    case .htmlValue:
      ("Value",
       "Valeur")
    case .htmlByQuarter:
      ("By quarter",
       "Par trimestre")
    case .htmlColumnCumulativeCost:
      ("Cum. cost",
       "Coût cumulé")
    case .htmlColumnCumulativeBenefit:
      ("Cum. benefit",
       "Bénéfice cumulé")
    case .htmlColumnMissingMonths:
      ("Missing months",
       "Mois manquants")
    case .htmlNoTargets:
      ("No metric has a target yet: {command}.",
       "Aucun indicateur n’a encore d’objectif : {command}.")
    case .htmlTargetCommand:
      ("crm-roi metric add NAME … --target +10%",
       "crm-roi metric add NOM … --target +10%")
    case .htmlExpenses:
      ("Expenses",
       "Dépenses")
    case .htmlColumnLabor:
      ("Hours × rate",
       "Heures × taux")
    case .htmlColumnOverHorizon:
      ("Over the horizon",
       "Sur l’horizon")
    case .htmlRecursUntil:
      ("every {every} until {until} ({count}×)",
       "chaque {every} jusqu’à {until} ({count}×)")
    case .htmlRecursToHorizonEnd:
      ("every {every} until the horizon end ({count}×)",
       "chaque {every} jusqu’à la fin de l’horizon ({count}×)")
    case .htmlTotalCategory:
      ("Total {category}",
       "Total {category}")
    case .htmlFooter:
      ("Money is exact to the minor unit, rounded half-to-even; ratios are fractions of the total cost of ownership. Made by crm-roi.",
       "Les montants sont exacts à la plus petite unité de la devise, arrondis au plus proche, au pair en cas d’égalité ; les ratios sont des fractions du coût total de possession. Produit par crm-roi.")
    case .impactHeading:
      ("Each metric before and after go-live (as of {month})",
       "Chaque indicateur avant et après la mise en service (données à fin {month})")
    case .impactLine:
      ("{metric} ({kind}): baseline {baseline}, since go-live {average}, difference {difference} ({relative})",
       "{metric} ({kind}) : référence {baseline}, depuis la mise en service {average}, écart {difference} ({relative})")
    case .impactWorth:
      (", worth {amount} a month",
       ", soit {amount} par mois")
    case .columnMonth:
      ("Month",
       "Mois")
    case .columnDifference:
      ("Difference",
       "Écart")
    case .columnEffect:
      ("Effect",
       "Effet")
    case .columnInBand:
      ("In band",
       "Dans la bande")
    case .terminalChartTitle:
      ("Cumulative net position ({code})",
       "Position nette cumulée ({code})")
    case .demoLicences:
      ("CRM licences, 24 users",
       "Licences CRM, 24 utilisateurs")
    case .demoInstallation:
      ("Integrator: installation and set-up",
       "Intégrateur : installation et paramétrage")
    case .demoLaptops:
      ("4 laptops for the sales team",
       "4 ordinateurs portables pour l’équipe commerciale")
    case .demoMigration:
      ("Data migration",
       "Migration des données")
    case .demoHosting:
      ("Hosting and support",
       "Hébergement et support")
    case .demoTraining:
      ("Two days of user training",
       "Deux jours de formation des utilisateurs")
    case .formCategory:
      ("one of license, installation, hardware, labor, service, training, maintenance, other",
       "une catégorie parmi licence, installation, matériel, main-d’œuvre, prestation, formation, entretien, autre")
    case .formCategoryGuess:
      ("one of license, installation, hardware, labor, service, training, maintenance, other (did you mean {guess}?)",
       "une catégorie parmi licence, installation, matériel, main-d’œuvre, prestation, formation, entretien, autre (vouliez-vous dire {guess} ?)")
    case .errnoPermission:
      ("Permission denied",
       "permission refusée")
    case .errnoNoEntry:
      ("No such file or directory",
       "fichier ou dossier introuvable")
    case .errnoInputOutput:
      ("Input/output error",
       "erreur d’entrée-sortie")
    case .errnoExists:
      ("File exists",
       "le fichier existe")
    case .errnoNotDirectory:
      ("Not a directory",
       "n’est pas un dossier")
    case .errnoIsDirectory:
      ("Is a directory",
       "est un dossier")
    case .errnoTooLarge:
      ("File too large",
       "fichier trop volumineux")
    case .errnoNoSpace:
      ("No space left on device",
       "plus de place sur le disque")
    case .errnoReadOnly:
      ("Read-only file system",
       "système de fichiers en lecture seule")
    case .errnoBrokenPipe:
      ("Broken pipe",
       "tube fermé")
    case .errnoNameTooLong:
      ("File name too long",
       "nom de fichier trop long")
    case .errnoLoop:
      ("Too many levels of symbolic links",
       "trop de niveaux de liens symboliques")
    case .atFile:
      ("{file}: {message}",
       "{file} : {message}")
    case .sourceMonth:
      ("month",
       "mois")
    case .sourceValues:
      ("values",
       "valeurs")
    case .sourceID:
      ("id",
       "numéro")
    case .addedOne:
      ("{count} added",
       "{count} ajoutée")
    case .addedMany:
      ("{count} added",
       "{count} ajoutées")
    case .replacedOne:
      ("{count} replaced",
       "{count} remplacée")
    case .replacedMany:
      ("{count} replaced",
       "{count} remplacées")
    case .unchangedOne:
      ("{count} unchanged",
       "{count} inchangée")
    case .unchangedMany:
      ("{count} unchanged",
       "{count} inchangées")
    case .skippedOne:
      ("{count} skipped",
       "{count} ignorée")
    case .skippedMany:
      ("{count} skipped",
       "{count} ignorées")
    case .ordersAddedOne:
      ("{count} order added",
       "{count} commande ajoutée")
    case .ordersAddedMany:
      ("{count} orders added",
       "{count} commandes ajoutées")
    case .expensesAddedOne:
      ("{count} expenses added",
       "{count} dépense ajoutée")
    case .expensesAddedMany:
      ("{count} expenses added",
       "{count} dépenses ajoutées")
    case .creditLinesOne:
      ("{count} credit lines",
       "{count} ligne au crédit écartée")
    case .creditLinesMany:
      ("{count} credit lines",
       "{count} lignes au crédit écartées")
    case .valuesAddedOne:
      ("{count} metric values added",
       "{count} valeur d’indicateur ajoutée")
    case .valuesAddedMany:
      ("{count} metric values added",
       "{count} valeurs d’indicateurs ajoutées")
    case .formLanguageOrNone:
      ("fr, en or none",
       "fr, en ou none")
    case .laborNoteAndNote:
      ("{work}; {note}",
       "{work} ; {note}")
    case .yearsSingular:
      ("{count} years",
       "{count} an")
    case .formDecimalPoint:
      ("a decimal point, not a comma: {suggestion}",
       "un point décimal, pas une virgule : {suggestion}")
    case .webDashboard:
      ("Dashboard",
       "Tableau de bord")
    case .webMonths:
      ("Months",
       "Mois")
    case .webExpenses:
      ("Expenses",
       "Dépenses")
    case .webSettings:
      ("Settings",
       "Réglages")
    case .webHistory:
      ("History",
       "Historique")
    case .webCheck:
      ("Check",
       "Vérification")
    case .webRefused:
      ("Refused",
       "Refusé")
    case .webBadToken:
      ("This form has expired or did not come from this page; nothing was changed. Load the page again and send it once more.",
       "Ce formulaire a expiré ou ne vient pas de cette page ; rien n’a été modifié. Rechargez la page et envoyez-le de nouveau.")
    case .webReadOnly:
      ("This server is read-only (crm-roi serve --read-only): nothing was changed.",
       "Ce serveur est en lecture seule (crm-roi serve --read-only) : rien n’a été modifié.")
    case .webNotFound:
      ("Page not found",
       "Page introuvable")
    case .webError:
      ("Error",
       "Erreur")
    case .webSaved:
      ("Saved.",
       "Enregistré.")
    case .webExpenseAdded:
      ("Expense added.",
       "Dépense ajoutée.")
    case .webExpenseRemoved:
      ("Expense removed; restore it below with its id.",
       "Dépense supprimée ; rétablissez-la plus bas avec son numéro.")
    case .webExpenseRestored:
      ("Expense restored.",
       "Dépense rétablie.")
    case .webStoredSetting:
      ("as set",
       "selon le réglage")
    case .webView:
      ("View",
       "Affichage")
    case .webFrom:
      ("From",
       "Depuis")
    case .webTo:
      ("To",
       "Jusqu’à")
    case .webBaselineMethod:
      ("Baseline",
       "Référence")
    case .webDiscountRate:
      ("Discount rate",
       "Taux d’actualisation")
    case .webRisk:
      ("Risk",
       "Risque")
    case .webProject:
      ("Projection to the horizon end",
       "Projection jusqu’à la fin de l’horizon")
    case .webShow:
      ("Show",
       "Afficher")
    case .webDownload:
      ("Download this page",
       "Télécharger cette page")
    case .webRemoveValue:
      ("remove this value",
       "supprimer cette valeur")
    case .webAllowCurrent:
      ("This month is still running: save its partial figures anyway",
       "Ce mois est en cours : enregistrer quand même ses chiffres partiels")
    case .webSave:
      ("Save",
       "Enregistrer")
    case .webBack:
      ("Back to the months",
       "Retour aux mois")
    case .webMonthTitle:
      ("Month {month}",
       "Mois : {month}")
    case .webRemove:
      ("Remove",
       "Supprimer")
    case .webAddExpense:
      ("Add an expense",
       "Ajouter une dépense")
    case .webRestoreExpense:
      ("Restore a removed expense",
       "Rétablir une dépense supprimée")
    case .webNoSuchExpense:
      ("no expense with id {id}; expected an id from the list above",
       "aucune dépense de numéro {id} ; attendu : un numéro de la liste ci-dessus")
    case .webHours:
      ("Hours (with the rate, instead of an amount)",
       "Heures (avec le taux, au lieu d’un montant)")
    case .webRate:
      ("Hourly rate",
       "Taux horaire")
    case .webAdd:
      ("Add",
       "Ajouter")
    case .webRestore:
      ("Restore",
       "Rétablir")
    case .webSettingsHint:
      ("Change a setting with crm-roi settings set KEY VALUE.",
       "Modifiez un réglage avec crm-roi settings set CLÉ VALEUR.")
    case .webNewer:
      ("Newer",
       "Plus récentes")
    case .webOlder:
      ("Older",
       "Plus anciennes")
    case .serveLoopbackOnly:
      ("--host {host}: without --password-file, this server listens on 127.0.0.1, localhost or ::1 only",
       "--host {host} : sans --password-file, ce serveur n’écoute que sur 127.0.0.1, localhost ou ::1")
    case .serving:
      ("Serving {path} at {address} (Ctrl-C to stop)",
       "{path} servie à l’adresse {address} (Ctrl-C pour arrêter)")
    case .formServerBeside:
      ("the web app's executable crm-roi-serve beside crm-roi (build it with swift build --product crm-roi-serve)",
       "l’exécutable de l’application web crm-roi-serve à côté de crm-roi (construisez-le avec swift build --product crm-roi-serve)")
    case .webEdit:
      ("Edit",
       "Modifier")
    case .webWithValues:
      ("with its values",
       "avec ses valeurs")
    case .webAddMetric:
      ("Add a metric",
       "Ajouter un indicateur")
    case .webMetrics:
      ("Metrics",
       "Indicateurs")
    case .webMargin:
      ("Margin (revenue)",
       "Marge (chiffre d’affaires)")
    case .webUnitValue:
      ("Money per unit (count)",
       "Valeur par unité (nombre)")
    case .webFromOrders:
      ("Values from the orders",
       "Valeurs tirées des commandes")
    case .webTyped:
      ("typed by hand",
       "saisies à la main")
    case .webEditMetric:
      ("Edit the metric",
       "Modifier l’indicateur")
    case .webMetricTitle:
      ("Metric {name}",
       "Indicateur {name}")
    case .webMetricHasOneValue:
      ("metric '{name}' has 1 value; tick \"with its values\" to remove it with it",
       "l’indicateur « {name} » a 1 valeur saisie ; cochez « avec ses valeurs » pour le supprimer avec elle")
    case .webMetricHasValues:
      ("metric '{name}' has {count} values; tick \"with its values\" to remove it with them",
       "l’indicateur « {name} » a {count} valeurs saisies ; cochez « avec ses valeurs » pour le supprimer avec elles")
    case .webEditExpense:
      ("Edit the expense",
       "Modifier la dépense")
    case .webExpenseTitle:
      ("Expense {id}",
       "Dépense {id}")
    case .webExpenseEdited:
      ("Expense changed.",
       "Dépense modifiée.")
    case .webUnchanged:
      ("Nothing changed.",
       "Rien n’a changé.")
    case .webMetricAdded:
      ("Metric added.",
       "Indicateur ajouté.")
    case .webMetricRemoved:
      ("Metric removed.",
       "Indicateur supprimé.")
    case .webImport:
      ("Import",
       "Importer")
    case .webExport:
      ("Export",
       "Exporter")
    case .historyFromWebApp:
      ("{action} (web app)",
       "{action} (appli web)")
    case .webDetected:
      ("detected",
       "détecté")
    case .webImportFile:
      ("Import a file",
       "Importer un fichier")
    case .webWhatFileHolds:
      ("What the file holds",
       "Ce que contient le fichier")
    case .webFile:
      ("File",
       "Fichier")
    case .webPreset:
      ("Orders export (orders only)",
       "Export de commandes (commandes seulement)")
    case .webDelimiter:
      ("Separator",
       "Séparateur")
    case .webTab:
      ("tab",
       "tabulation")
    case .webDecimalMark:
      ("Decimal mark",
       "Séparateur décimal")
    case .webDateFormat:
      ("Dates",
       "Dates")
    case .webEncoding:
      ("Encoding",
       "Encodage")
    case .webRules:
      ("Rules (required for a FEC; for a CSV whose columns are named otherwise)",
       "Règles (obligatoires pour un FEC ; pour un CSV aux colonnes nommées autrement)")
    case .webPreview:
      ("Preview",
       "Aperçu")
    case .webImportHint:
      ("Nothing is written before you confirm the preview. Files up to {limit}.",
       "Rien n’est écrit avant que vous ne confirmiez l’aperçu. Fichiers jusqu’à {limit}.")
    case .webKindExpenses:
      ("expenses (CSV)",
       "dépenses (CSV)")
    case .webKindMetrics:
      ("monthly metric values (CSV)",
       "valeurs mensuelles des indicateurs (CSV)")
    case .webKindOrders:
      ("a shop's orders (CSV)",
       "commandes d’une boutique (CSV)")
    case .webKindFEC:
      ("FEC (French accounting export)",
       "FEC (fichier des écritures comptables)")
    case .webNoFile:
      ("choose a file to import",
       "choisissez un fichier à importer")
    case .webNothingImported:
      ("Nothing was imported: correct the file, then choose it again below (a browser never keeps a chosen file) and preview it again.",
       "Rien n’a été importé : corrigez le fichier, puis choisissez-le à nouveau ci-dessous (un navigateur ne garde jamais un fichier choisi) et prévisualisez-le à nouveau.")
    case .webConfirmImport:
      ("Import",
       "Importer")
    case .webCancel:
      ("Cancel",
       "Annuler")
    case .webImportPreview:
      ("Import preview",
       "Aperçu de l’import")
    case .webPreviewGone:
      ("this preview is no longer kept (the server restarted, or another preview replaced it); upload the file again",
       "cet aperçu n’est plus conservé (le serveur a redémarré, ou un autre aperçu l’a remplacé) ; envoyez le fichier à nouveau")
    case .webUploadChanged:
      ("the uploaded file changed since its preview; nothing was imported: upload it again",
       "le fichier envoyé a changé depuis son aperçu ; rien n’a été importé : envoyez-le à nouveau")
    case .webPreviewOutdated:
      ("The data changed since this preview, so nothing was imported: here is what the file would import now.",
       "Les données ont changé depuis cet aperçu, donc rien n’a été importé : voici ce que le fichier importerait maintenant.")
    case .webTooLarge:
      ("File too large",
       "Fichier trop volumineux")
    case .webTooLargeDetail:
      ("The file is larger than the upload limit of {limit} (crm-roi serve --max-upload); nothing was kept.",
       "Le fichier dépasse la limite d’envoi de {limit} (crm-roi serve --max-upload) ; rien n’a été conservé.")
    case .webUploadNotKept:
      ("the upload could not be kept: {reason}; nothing was imported",
       "l’envoi n’a pas pu être conservé : {reason} ; rien n’a été importé")
    case .webPassword:
      ("Password",
       "Mot de passe")
    case .webSignIn:
      ("Sign in",
       "Connexion")
    case .webSignOut:
      ("Sign out",
       "Déconnexion")
    case .webWrongPassword:
      ("wrong password",
       "mot de passe incorrect")
    case .webWaitBeforeSignIn:
      ("too many wrong passwords: try again in {seconds} s",
       "trop de mots de passe incorrects : réessayez dans {seconds} s")
    case .webSignInFirst:
      ("Sign in first: this server asks for a password.",
       "Connectez-vous d’abord : ce serveur demande un mot de passe.")
    case .serveBadSize:
      ("--max-upload {value}: expected a size such as 200MB, 1GB, 500kB or a number of bytes",
       "--max-upload {value} : attendu une taille comme 200MB, 1GB, 500kB ou un nombre d’octets")
    case .webNothingLoggedIn:
      ("Nothing logged yet for:",
       "Rien de saisi pour :")
    case .webHintFirstQuarter:
      ("the first, or like 2025Q2",
       "le premier, ou comme 2025Q2")
    case .webHintLatestQuarter:
      ("the latest, or like 2026Q1",
       "le dernier, ou comme 2026Q1")
    case .webHintDefault:
      ("{value} by default",
       "{value} par défaut")
    case .servePasswordNotAHash:
      ("--password-file {path}: its line is not a bcrypt hash (the password itself is never stored); expected the line printed by: crm-roi serve --hash-password < a file holding the password",
       "--password-file {path} : sa ligne n’est pas une empreinte bcrypt (le mot de passe lui-même n’est jamais conservé) ; attendu la ligne qu’affiche : crm-roi serve --hash-password < un fichier contenant le mot de passe")
    case .serveHashPasswordTooLong:
      ("--hash-password: expected a password of at most 72 bytes without a NUL character (bcrypt reads no further)",
       "--hash-password : attendu un mot de passe d’au plus 72 octets sans caractère NUL (bcrypt ne lit pas au-delà)")
    case .serveBadAllowedHost:
      ("--allowed-host '{value}': expected a host name or address, with a port or not, like crm.example.com or crm.example.com:8443",
       "--allowed-host « {value} » : attendu un nom d’hôte ou une adresse, avec ou sans port, comme crm.example.com ou crm.example.com:8443")
    case .serveHashPasswordEmpty:
      ("--hash-password: standard input holds no password; expected the password on its first line, like: crm-roi serve --hash-password < password.txt",
       "--hash-password : l’entrée standard ne contient aucun mot de passe ; attendu le mot de passe sur sa première ligne, par exemple : crm-roi serve --hash-password < motdepasse.txt")
    case .servePasswordSeveralLines:
      ("--password-file {path}: it holds more than one line of text; expected one line, the bcrypt hash that crm-roi serve --hash-password prints",
       "--password-file {path} : il contient plus d’une ligne de texte ; attendu une ligne, l’empreinte bcrypt qu’affiche crm-roi serve --hash-password")
    case .servePasswordUnreadable:
      ("--password-file {path}: cannot read it (missing, not allowed, or not UTF-8 text); expected a file holding the bcrypt hash that crm-roi serve --hash-password prints",
       "--password-file {path} : illisible (absent, interdit ou pas du texte UTF-8) ; attendu un fichier contenant l’empreinte bcrypt qu’affiche crm-roi serve --hash-password")
    case .servePasswordEmpty:
      ("--password-file {path}: it holds nothing; expected the bcrypt hash that crm-roi serve --hash-password prints",
       "--password-file {path} : il est vide ; attendu l’empreinte bcrypt qu’affiche crm-roi serve --hash-password")
    case .webExportHint:
      ("Each file is what the command beside it writes. The report files follow the dashboard's view when you come from it.",
       "Chaque fichier est ce qu’écrit la commande à côté. Les fichiers du rapport suivent la vue du tableau de bord quand vous en venez.")
    case .webBackToMetrics:
      ("Back to the metrics",
       "Retour aux indicateurs")
    case .webBackToExpenses:
      ("Back to the expenses",
       "Retour aux dépenses")
    case .webOtherFormats:
      ("Other formats",
       "Autres formats")
    case .webFixOnMonths:
      ("Log the missing values on the Months page, or change the metric on the Metrics page.",
       "Saisissez les valeurs manquantes dans la page Mois, ou modifiez l’indicateur dans la page Indicateurs.")
    case .webExpenseRemovedID:
      ("Expense {id} removed; Restore, below, brings it back.",
       "Dépense {id} supprimée ; Rétablir, plus bas, la fait revenir.")
    case .webReadOnlyPage:
      ("This server is read-only (crm-roi serve --read-only): it serves the dashboard and the exports only.",
       "Ce serveur est en lecture seule (crm-roi serve --read-only) : il ne sert que le tableau de bord et les exports.")
    case .webNotSaved:
      ("Nothing was saved: see the field marked below.",
       "Rien n’a été enregistré : voyez le champ signalé plus bas.")
    case .webValue:
      ("Value",
       "Valeur")
    case .webStoredBefore:
      ("Stored before",
       "Enregistrée avant")
    case .webWhatImportDoes:
      ("Import",
       "Import")
    case .webItemAdded:
      ("added",
       "ajoutée")
    case .webItemReplaced:
      ("replaced",
       "remplacée")
    case .webItemSkipped:
      ("skipped (already stored)",
       "ignorée (déjà enregistrée)")
    case .webMoreRows:
      ("{count} more rows, not listed, are counted above.",
       "{count} autres lignes, non listées, sont comptées ci-dessus.")
    case .webFormTooLarge:
      ("The form sent is larger than the limit of {limit} for a form without a file; nothing was changed.",
       "Le formulaire envoyé dépasse la limite de {limit} d’un formulaire sans fichier ; rien n’a été modifié.")
    case .serveCannotListen:
      ("cannot listen on {address}: {reason}; expected a port no other program uses (--port N), above 1023 unless run as root",
       "impossible d’écouter sur {address} : {reason} ; attendu : un port qu’aucun autre programme n’utilise (--port N), au-delà de 1023 sauf en root")
    case .serveCannotKeepUploads:
      ("cannot make a folder for uploads in {path}: {reason}; expected TMPDIR to name a folder this user can write to",
       "impossible de créer un dossier pour les envois dans {path} : {reason} ; attendu que TMPDIR nomme un dossier où cet utilisateur peut écrire")
    case .htmlLatestExpenses:
      ("The latest {shown} of {count} expenses are listed; the totals count them all.",
       "Les {shown} dernières dépenses sur {count} sont listées ; les totaux les comptent toutes.")
    case .servingReadOnly:
      ("Serving {path} read-only (the dashboard and the exports) at {address} (Ctrl-C to stop)",
       "{path} servie en lecture seule (tableau de bord et exports) à l’adresse {address} (Ctrl-C pour arrêter)")
    case .formHoursNotNegative:
      ("hours spent, 0 or more, for {metric}",
       "un nombre d’heures, 0 ou plus, pour {metric}")
    case .controlBaselineZero:
      ("control series '{control}' has a baseline of 0, so it cannot give the counterfactual of '{metric}'; log its values before go-live, or unlink it with: crm-roi metric set {control} --control-for none",
       "la série témoin « {control} » a une référence de 0 et ne peut donc pas donner le contrefactuel de « {metric} » ; saisissez ses valeurs d’avant la mise en service, ou détachez-la avec : crm-roi metric set {control} --control-for none")
    case .controlBaselineZeroSeasonal:
      ("control series '{control}' has a baseline of 0 for {names}, so it cannot give the counterfactual of '{metric}'; log its values before go-live, or unlink it with: crm-roi metric set {control} --control-for none",
       "la série témoin « {control} » a une référence de 0 pour {names} et ne peut donc pas donner le contrefactuel de « {metric} » ; saisissez ses valeurs d’avant la mise en service, ou détachez-la avec : crm-roi metric set {control} --control-for none")
    case .formHourlyCostRequired:
      ("an hourly cost for an hours metric, like --hourly-cost 42.50",
       "un coût horaire pour un indicateur de type hours, par exemple --hourly-cost 42.50")
    case .formControlOfItself:
      ("another metric than {name} itself",
       "un autre indicateur que {name} lui-même")
    case .formRealisation:
      ("a realisation share above 0% and at most 100%, like 50%",
       "une part réalisée supérieure à 0 % et d’au plus 100 %, par exemple 50 %")
    case .factorControlFor:
      ("none (control series of {metric})",
       "aucune (série témoin de {metric})")
    case .factorHours:
      ("{amount} per hour saved × {share}",
       "{amount} par heure gagnée × {share}")
    case .factorRisk:
      (", risk {share}",
       ", risque {share}")
    case .storeControlOfAControl:
      ("'{metric}' is itself a control series; a control series isolates a metric the CRM moves, so give --control-for another metric",
       "« {metric} » est elle-même une série témoin ; une série témoin isole un indicateur que le CRM fait bouger, indiquez donc un autre indicateur à --control-for")
    case .storeMetricHasControl:
      ("'{metric}' already has the control series '{control}'; a metric has one control series: unlink it first with: crm-roi metric set {control} --control-for none",
       "« {metric} » a déjà la série témoin « {control} » ; un indicateur a une seule série témoin : détachez-la d’abord avec : crm-roi metric set {control} --control-for none")
    case .storeControlledMetricAsControl:
      ("'{metric}' is isolated by the control series '{control}', so it cannot be a control series itself; unlink it first with: crm-roi metric set {control} --control-for none",
       "« {metric} » est isolé par la série témoin « {control} » et ne peut donc pas être lui-même une série témoin ; détachez-la d’abord avec : crm-roi metric set {control} --control-for none")
    case .storeNoSuchPlanCost:
      ("no planned cost has id {id}; see the ids with: crm-roi plan list",
       "aucun coût prévu n’a l’identifiant {id} ; voyez les identifiants avec : crm-roi plan list")
    case .storeNoPlannedBenefit:
      ("metric '{metric}' has no planned benefit; see the plan with: crm-roi plan list",
       "l’indicateur « {metric} » n’a pas de bénéfice prévu ; voyez le plan avec : crm-roi plan list")
    case .storePlanBenefitNeedsMoney:
      ("metric '{metric}' is a {kind} metric and adds no money, so it cannot have a planned benefit; plan the benefit of a revenue, cost, count or hours metric",
       "l’indicateur « {metric} » est de type {kind} et n’apporte pas d’argent : il ne peut pas avoir de bénéfice prévu ; prévoyez le bénéfice d’un indicateur de type revenue, cost, count ou hours")
    case .storeNoSuchIntangible:
      ("no intangible has id {id}; see the ids with: crm-roi intangible list",
       "aucun bénéfice non chiffré n’a l’identifiant {id} ; voyez les identifiants avec : crm-roi intangible list")
    case .formIntangible:
      ("a text of 1 to 500 characters without control characters, like \"Customers answered faster\"",
       "un texte de 1 à 500 caractères sans caractère de contrôle, par exemple « Clients servis plus vite »")
    case .webHourlyCost:
      ("Hourly cost (hours)",
       "Coût horaire (heures)")
    case .webRealisation:
      ("Realisation (hours)",
       "Part réalisée (heures)")
    case .webMetricRisk:
      ("Risk (TEI)",
       "Risque (TEI)")
    case .webControlFor:
      ("Control series for (kpi)",
       "Série témoin de (kpi)")
    case .planCostAdded:
      ("Added planned cost {id}: {expense}{recurrence}.",
       "Coût prévu {id} ajouté : {expense}{recurrence}.")
    case .planBenefitSet:
      ("Planned benefit of {metric}: {amount} a month from {from}, {ramp}.",
       "Bénéfice prévu de {metric} : {amount} par mois dès {from}, {ramp}.")
    case .noPlanYet:
      ("No plan yet: add planned costs with crm-roi plan cost and planned benefits with crm-roi plan benefit.",
       "Pas encore de plan : ajoutez des coûts prévus avec crm-roi plan cost et des bénéfices prévus avec crm-roi plan benefit.")
    case .planCostRemoved:
      ("Removed planned cost {id}.",
       "Coût prévu {id} supprimé.")
    case .planBenefitRemoved:
      ("Removed the planned benefit of {metric}.",
       "Bénéfice prévu de {metric} supprimé.")
    case .planOwnerSet:
      ("{name} answers for the benefit of {metric}.",
       "{name} répond du bénéfice de {metric}.")
    case .planOwnerCleared:
      ("Nobody is named for the benefit of {metric} any more.",
       "Plus personne n’est désigné pour le bénéfice de {metric}.")
    case .sourceOwnerName:
      ("owner's name",
       "nom du responsable")
    case .formOwner:
      ("a name of 1 to 200 characters without control characters, like \"Claire Martin\"",
       "un nom de 1 à 200 caractères sans caractère de contrôle, par exemple « Claire Martin »")
    case .planCostsHeading:
      ("Planned costs",
       "Coûts prévus")
    case .planBenefitsHeading:
      ("Planned benefits",
       "Bénéfices prévus")
    case .columnMonthly:
      ("Monthly",
       "Par mois")
    case .columnFrom:
      ("From",
       "À partir de")
    case .columnRamp:
      ("Ramp",
       "Montée")
    case .columnOwner:
      ("Owner",
       "Responsable")
    case .planTotalCost:
      ("Planned total cost of ownership to {month}: {amount}",
       "Coût total de possession prévu jusqu’à {month} : {amount}")
    case .sourceIntangibleText:
      ("intangible's text",
       "texte du bénéfice non chiffré")
    case .intangibleAdded:
      ("Added intangible {id}: {text}",
       "Bénéfice non chiffré {id} ajouté : {text}")
    case .noIntangiblesYet:
      ("No intangibles yet: add one with crm-roi intangible add \"TEXT\".",
       "Aucun bénéfice non chiffré pour l’instant : ajoutez-en un avec crm-roi intangible add \"TEXTE\".")
    case .columnIntangible:
      ("Intangible benefit",
       "Bénéfice non chiffré")
    case .intangibleRemoved:
      ("Removed intangible {id}.",
       "Bénéfice non chiffré {id} supprimé.")
    case .formListedID:
      ("a positive whole number, as {command} lists them",
       "un nombre entier positif, tel que {command} les liste")
    case .controlsHeading:
      ("Control series",
       "Séries témoins")
    case .controlIsolates:
      ("{metric} is measured against its control series {control}: each month's counterfactual is its baseline × {control} / the baseline of {control}, and the change is the value less that.",
       "{metric} est mesuré contre sa série témoin {control} : le contrefactuel de chaque mois est sa référence × {control} / la référence de {control}, et l’écart est la valeur moins ce contrefactuel.")
    case .riskByMetric:
      ("Risk by metric: {list}",
       "Risque par indicateur : {list}")
    case .planHeading:
      ("Plan against actual (actual − planned)",
       "Plan et réalisé (réalisé − prévu)")
    case .columnPlannedCost:
      ("Plan cost",
       "Coût prévu")
    case .columnPlannedBenefit:
      ("Plan benefit",
       "Bénéf. prévu")
    case .columnVariance:
      ("Variance",
       "Écart")
    case .planToDate:
      ("To {month}: cost {actualCost} against {cost} planned ({costVariance}); benefit {actualBenefit} against {benefit} planned ({benefitVariance})",
       "Jusqu’à {month} : coût {actualCost} pour {cost} prévus ({costVariance}) ; bénéfice {actualBenefit} pour {benefit} prévus ({benefitVariance})")
    case .planTCO:
      ("Total cost of ownership: {planned} planned, {actual} actual",
       "Coût total de possession : prévu {planned}, réel {actual}")
    case .planPayback:
      ("Payback rule of thumb (TCO / a year's benefit): {planned} planned, {actual} at the current pace",
       "Récupération, règle approximative (coût total / un an de bénéfice) : prévu {planned}, au rythme actuel {actual}")
    case .planROI:
      ("ROI over the horizon, undiscounted: {planned} planned, {actual} at the current pace",
       "ROI sur l’horizon, non actualisé : prévu {planned}, au rythme actuel {actual}")
    case .planBenefitLine:
      ("{metric}: {amount} a month from {from}, {ramp}",
       "{metric} : {amount} par mois dès {from}, {ramp}")
    case .planBenefitLineOwned:
      ("{metric}: {amount} a month from {from}, {ramp}; owner {owner}",
       "{metric} : {amount} par mois dès {from}, {ramp} ; responsable {owner}")
    case .teiHeading:
      ("TEI cash flows (Forrester's yearly table, risk-adjusted benefits, discounted at {rate} a year; not the monthly discounted view above)",
       "Flux TEI (tableau annuel « Total Economic Impact », bénéfices ajustés du risque, actualisés à {rate} par an ; distinct de la vue actualisée mensuelle ci-dessus)")
    case .teiInitial:
      ("Initial",
       "Initial")
    case .teiYear:
      ("Year {year}",
       "Année {year}")
    case .teiTotal:
      ("Total",
       "Total")
    case .teiPresentValue:
      ("Present value",
       "Valeur actuelle")
    case .teiCosts:
      ("Costs",
       "Coûts")
    case .teiBenefits:
      ("Benefits (risk-adjusted)",
       "Bénéfices (ajustés du risque)")
    case .teiNet:
      ("Net cash flow",
       "Flux net")
    case .teiCumulative:
      ("Cumulative net",
       "Flux net cumulé")
    case .teiProjectedLegend:
      ("* partly or wholly after {month}: benefit at the pace of the last rolling window (a projection).",
       "* en partie ou en totalité après {month} : bénéfice au rythme de la dernière période glissante (une projection).")
    case .teiROI:
      ("TEI ROI over the whole horizon, projected years included (NPV / present value of costs): {percent}",
       "ROI TEI sur tout l’horizon, années projetées comprises (VAN / valeur actuelle des coûts) : {percent}")
    case .teiBenefitCostRatio:
      ("Benefit/cost ratio (present value of benefits / of costs): {ratio}",
       "Ratio bénéfices/coûts (valeur actuelle des bénéfices / des coûts) : {ratio}")
    case .teiPayback:
      ("Payback from go-live (the running net month by month as costs fall, risk-adjusted; the verdict's payback): {months}",
       "Délai de récupération depuis la mise en service (solde cumulé mois par mois, coûts quand ils tombent, ajusté du risque ; celui du verdict) : {months}")
    case .teiIRR:
      ("Internal rate of return (each year's flows taken as they fall, month by month, annualised): {rate}",
       "Taux de rentabilité interne, TRI (les flux de chaque année pris quand ils tombent, mois par mois, annualisé) : {rate}")
    case .irrNoSignChange:
      ("the cash flows never change sign",
       "les flux ne changent jamais de signe")
    case .irrSeveralSignChanges:
      ("the cash flows change sign {count} times and their running total does not turn exactly once from negative to positive: there may be several rates, or none",
       "les flux changent {count} fois de signe et leur cumul ne passe pas exactement une fois du négatif au positif : il peut y avoir plusieurs taux, ou aucun")
    case .irrOutOfRange:
      ("it lies outside −99% to +1,000% a month",
       "il est hors de −99 % à +1 000 % par mois")
    case .intangiblesHeading:
      ("Intangible benefits (no money attached)",
       "Bénéfices non chiffrés (sans montant)")
    case .htmlPlannedCumulative:
      ("Planned (dotted)",
       "Prévu (pointillé)")
    case .htmlPlannedTip:
      ("{quarter} (planned): {amount}",
       "{quarter} (prévu) : {amount}")
    case .htmlPlanToDate:
      ("Plan to {month}",
       "Plan jusqu’à {month}")
    case .htmlPlanToDateDetail:
      ("cost {actualCost} against {cost} planned ({costVariance}); benefit {actualBenefit} against {benefit} planned ({benefitVariance})",
       "coût {actualCost} pour {cost} prévus ({costVariance}) ; bénéfice {actualBenefit} pour {benefit} prévus ({benefitVariance})")
    case .htmlPlannedAgainstActual:
      ("{planned} planned, {actual} actual",
       "prévu {planned}, réel {actual}")
    case .htmlPlannedAgainstPace:
      ("{planned} planned, {actual} at the current pace",
       "prévu {planned}, au rythme actuel {actual}")
    case .htmlLifetimeROI:
      ("ROI over the horizon, projected",
       "ROI sur l’horizon, projeté")
    case .htmlTEIROI:
      ("TEI ROI over the whole horizon, projected (NPV / PV of costs)",
       "ROI TEI sur tout l’horizon, projeté (VAN / valeur actuelle des coûts)")
    case .htmlBenefitCostRatio:
      ("Benefit/cost ratio",
       "Ratio bénéfices/coûts")
    case .htmlTEIPayback:
      ("Payback from go-live (the verdict's)",
       "Délai de récupération depuis la mise en service (celui du verdict)")
    case .htmlIRR:
      ("Internal rate of return (flows as they fall, month by month)",
       "Taux de rentabilité interne, TRI (flux mois par mois)")
    case .htmlRiskByMetric:
      ("Risk by metric",
       "Risque par indicateur")
    case .impactControl:
      ("; isolated by its control series {control} (each month against its counterfactual, baseline × {control} / the baseline of {control})",
       " ; isolé par sa série témoin {control} (chaque mois contre son contrefactuel, référence × {control} / référence de {control})")
    case .columnCounterfactual:
      ("Counterfactual",
       "Contrefactuel")
    case .htmlCounterfactualKey:
      ("Counterfactual (by {control})",
       "Contrefactuel (par {control})")
    case .planRampOver:
      ("reached over {months}",
       "atteint en {months}")
    case .planNoRamp:
      ("in full from the first month",
       "en totalité dès le premier mois")
    case .warningControlMissingOne:
      ("control series '{control}' has no value for {names}: that month counts as no change for '{metric}'; log it with crm-roi log",
       "la série témoin « {control} » n’a pas de valeur pour {names} : ce mois compte comme sans changement pour « {metric} » ; saisissez-le avec crm-roi log")
    case .warningControlMissingMany:
      ("control series '{control}' has no value for {names}: those months count as no change for '{metric}'; log them with crm-roi log",
       "la série témoin « {control} » n’a pas de valeur pour {names} : ces mois comptent comme sans changement pour « {metric} » ; saisissez-les avec crm-roi log")
    case .storeMetricHasPlannedBenefit:
      ("metric '{metric}' has a planned benefit, which needs a kind that adds money (not {kind}); remove it first with: crm-roi plan remove {metric}",
       "l’indicateur « {metric} » a un bénéfice prévu, qui demande un type qui apporte de l’argent (pas {kind}) ; supprimez-le d’abord avec : crm-roi plan remove {metric}")
    case .formNoLaterThanHorizonEnd:
      ("a month no later than the horizon end, {month}: a plan past it counts nowhere",
       "un mois au plus tard à la fin de l’horizon, {month} : un plan au-delà ne compte nulle part")
    case .irrNone:
      ("none: {reason}",
       "aucun : {reason}")
    case .noControlBaseline:
      ("control series '{control}' of '{metric}' has no value in its baseline window {first} to {last}; log its months before go-live, like: crm-roi log {last} {control}=VALUE",
       "la série témoin « {control} » de « {metric} » n’a aucune valeur dans sa période de référence {first} à {last} ; saisissez ses mois d’avant la mise en service, par exemple : crm-roi log {last} {control}=VALEUR")
    case .formControlNeedsKPI:
      ("kpi, or no --kind: a control series (--control-for {control}) adds no money; unlink it with --control-for none to change its kind",
       "kpi, ou pas de --kind : une série témoin (--control-for {control}) n’apporte pas d’argent ; détachez-la avec --control-for none pour changer son type")
    case .formRiskNeedsMoney:
      ("no --risk for a {kind} metric: it adds no money to set aside",
       "pas de --risk pour un indicateur de type {kind} : il n’apporte pas d’argent à mettre de côté")
    case .irrBenefitsFirst:
      ("the first cash flow is a gain, so the rate would be a cost of borrowing, not a return",
       "le premier flux est un gain : le taux serait un coût d’emprunt, pas un rendement")
    case .formControlMustBeKPI:
      ("a kpi metric: a control series adds no money, and {metric} is a {kind} metric",
       "un indicateur kpi : une série témoin n’apporte pas d’argent, et {metric} est de type {kind}")
    case .checkPlanCostAfterHorizon:
      ("planned cost {id} on {date} is after the horizon end {end}; it counts in no figure: remove it with crm-roi plan remove {id}",
       "le coût prévu {id} du {date} est après la fin de l’horizon {end} ; il ne compte dans aucun chiffre : supprimez-le avec crm-roi plan remove {id}")
    case .verdictPaidBack:
      ("The CRM has paid for itself.",
       "Le CRM est rentabilisé.")
    case .verdictOnTrack:
      ("The CRM has not paid for itself yet, and is on track to.",
       "Le CRM n’est pas encore rentabilisé, mais il est en bonne voie.")
    case .verdictOffTrack:
      ("The CRM is not on track to pay for itself.",
       "Le CRM n’est pas en voie d’être rentabilisé.")
    case .verdictTooEarlyNoise:
      ("Too early to tell: the change is within what months vary by themselves.",
       "Trop tôt pour conclure : l’écart reste dans ce que les mois varient d’eux-mêmes.")
    case .verdictTooEarlyMonths:
      ("Too early to tell: {span} since go-live, and the figures need at least {minimum}.",
       "Trop tôt pour conclure : {span} depuis la mise en service, et il en faut au moins {minimum}.")
    case .verdictGain:
      ("Since go-live ({span}, to {month}) it has brought {benefit} more profit than the months before, against {spent} spent.",
       "Depuis la mise en service ({span}, jusqu’à {month}), il a rapporté {benefit} de marge de plus que les mois d’avant, pour {spent} dépensés.")
    case .verdictLoss:
      ("Since go-live ({span}, to {month}) profit has been {loss} lower than in the months before, on top of the {spent} the CRM has cost.",
       "Depuis la mise en service ({span}, jusqu’à {month}), la marge a été inférieure de {loss} à celle des mois d’avant, en plus des {spent} que le CRM a coûté.")
    case .verdictPaidBackIn:
      ("It paid for itself in {date}, {duration} after go-live.",
       "Il a été rentabilisé en {date}, {duration} après la mise en service.")
    case .verdictPaysBackIn:
      ("At this pace it pays for itself in {date}, {duration} after go-live.",
       "À ce rythme, il sera rentabilisé en {date}, {duration} après la mise en service.")
    case .verdictBeyondHorizon:
      ("At this pace it does not pay for itself within the CRM's {years}-year horizon (to {end}).",
       "À ce rythme, il n’est pas rentabilisé dans l’horizon de {years} ans du CRM (jusqu’à {end}).")
    case .verdictFallsBelowAgain:
      ("At this pace, costs still to come take it below zero again before the horizon ends ({end}).",
       "À ce rythme, des coûts à venir le font repasser sous zéro avant la fin de l’horizon ({end}).")
    case .verdictNothingToPayBack:
      ("No cost is recorded yet, so there is nothing to pay back.",
       "Aucun coût n’est encore saisi : il n’y a rien à rembourser.")
    case .verdictSeasonal:
      ("The season may distort these figures, up or down: {standout}, and a seasonal baseline needs {count} values of each calendar month before go-live; more months before go-live, or a control series, would settle it.",
       "La saison peut fausser ces chiffres, dans un sens ou dans l’autre : {standout}, et une référence saisonnière demande {count} valeurs de chaque mois de l’année avant la mise en service ; plus de mois avant la mise en service, ou une série témoin, permettraient de trancher.")
    case .verdictStale:
      ("The latest figures are for {month}: log the months to {lastComplete} to bring this answer up to date.",
       "Les derniers chiffres sont de {month} : saisissez les mois jusqu’à {lastComplete} pour mettre cette réponse à jour.")
    case .durationYearsMonths:
      ("{years} and {months}",
       "{years} et {months}")
    case .seasonalAbove:
      ("{monthName} is {percent} above the other months in '{metric}'",
       "{monthName} est {percent} au-dessus des autres mois pour « {metric} »")
    case .seasonalBelow:
      ("{monthName} is {percent} below the other months in '{metric}'",
       "{monthName} est {percent} au-dessous des autres mois pour « {metric} »")
    case .seasonalStandsOut:
      ("{monthName} stands out from the other months in '{metric}'",
       "{monthName} se distingue des autres mois pour « {metric} »")
    case .baselineSetMean:
      ("Baseline: the mean of the months before go-live, as set.",
       "Référence : la moyenne des mois d’avant la mise en service, comme réglé.")
    case .baselineSetSeasonal:
      ("Baseline: seasonal (each month against the same calendar month before go-live), as set.",
       "Référence : saisonnière (chaque mois comparé au même mois de l’année avant la mise en service), comme réglé.")
    case .baselineAutoNoPattern:
      ("Baseline: the mean of the months before go-live, chosen because no calendar month stands out.",
       "Référence : la moyenne des mois d’avant la mise en service, choisie car aucun mois de l’année ne se distingue.")
    case .baselineAutoSeasonal:
      ("Baseline: seasonal (each month against the same calendar month before go-live), chosen because {standout}.",
       "Référence : saisonnière (chaque mois comparé au même mois de l’année avant la mise en service), choisie car {standout}.")
    case .baselineAutoTooLittle:
      ("Baseline: the mean of the months before go-live; {standout}, but a seasonal baseline needs {count} values of each calendar month.",
       "Référence : la moyenne des mois d’avant la mise en service ; {standout}, mais une référence saisonnière demande {count} valeurs de chaque mois de l’année.")
    case .irrAboveRange:
      ("it lies above +1,000% a month: the gains repay the costs almost at once",
       "il dépasse +1 000 % par mois : les gains remboursent les coûts presque aussitôt")
    case .verdictPaidBackDips:
      ("Costs still to come take it below zero again for a while: at this pace it pays for itself for good in {date}, {duration} after go-live.",
       "Des coûts à venir le font repasser sous zéro un temps : à ce rythme, il est rentabilisé pour de bon en {date}, {duration} après la mise en service.")
    case .baselineAutoNotTested:
      ("Baseline: the mean of the months before go-live; whether a calendar month stands out cannot be tested without a value in each of the 12 calendar months.",
       "Référence : la moyenne des mois d’avant la mise en service ; on ne peut pas vérifier si un mois de l’année se distingue sans une valeur pour chacun des 12 mois de l’année.")
    case .baselineViewMean:
      ("Baseline: the mean of the months before go-live, chosen for this view.",
       "Référence : la moyenne des mois d’avant la mise en service, choisie pour cet affichage.")
    case .baselineViewSeasonal:
      ("Baseline: seasonal (each month against the same calendar month before go-live), chosen for this view.",
       "Référence : saisonnière (chaque mois comparé au même mois de l’année avant la mise en service), choisie pour cet affichage.")
    case .storeNotReadable:
      ("cannot read {path}: it needs read permission (and, for a file in WAL mode, its -shm beside it or a folder it may write)",
       "impossible de lire {path} : il faut le droit de lecture (et, pour un fichier en mode WAL, son -shm à côté ou un dossier où écrire)")
    case .storeOlderSchemaReadOnly:
      ("{path} has schema version {found}, older than this crm-roi's {supported}, and read-only never migrates it; open it once without --read-only (or run any crm-roi command on it) to migrate it",
       "{path} a la version de schéma {found}, plus ancienne que celle de ce crm-roi ({supported}), et la lecture seule ne la migre jamais ; ouvrez-le une fois sans --read-only (ou lancez une commande crm-roi dessus) pour le migrer")
    case .storeControlValueNegative:
      ("metric '{metric}' holds {value} in {month}: a control series is compared as a ratio, so it cannot hold a value below 0",
       "l’indicateur « {metric} » vaut {value} en {month} : une série témoin sert de rapport, elle ne peut pas valoir moins de 0")
    case .formControlNotNegative:
      ("a value of 0 or more: '{metric}' is a control series, which the metric it isolates is compared with as a ratio",
       "une valeur de 0 ou plus : « {metric} » est une série témoin, à laquelle l’indicateur qu’elle isole est comparé par un rapport")
    case .roisWhyDiffer:
      ("Why the ROIs differ: the rolling annual ROI sets the last 12 months' benefit against the whole TCO; the ROI to date sets what the CRM brought against what it cost so far, discounted.",
       "Pourquoi les ROI diffèrent : le ROI annuel glissant rapporte le bénéfice des 12 derniers mois au coût total de possession ; le ROI à ce jour rapporte ce que le CRM a apporté à ce qu’il a coûté jusqu’ici, actualisés.")
    case .verdictSeasonalWiderWindow:
      ("The season may distort these figures, up or down: {standout}. The months logged before go-live allow a seasonal baseline over {months} months: set baseline-months to {months}.",
       "La saison peut fausser ces chiffres, dans un sens ou dans l’autre : {standout}. Les mois saisis avant la mise en service permettent une référence saisonnière sur {months} mois : réglez baseline-months à {months}.")
    case .paybackWhyDiffer:
      ("Why this differs from the verdict's payback: the verdict follows the running net month by month, each cost when it falls; the rule of thumb divides the whole TCO by one year's benefit.",
       "Pourquoi ce délai diffère de celui du verdict : le verdict suit le solde cumulé mois par mois, chaque coût quand il tombe ; la règle approximative divise le coût total par un an de bénéfice.")
    case .roiWhyDiffer:
      ("Why the two ROIs differ: the discounted view's covers go-live to {asOf} only; the TEI table's covers the whole horizon to {end}, the months after {asOf} at the current pace.",
       "Pourquoi les deux ROI diffèrent : celui de la vue actualisée ne couvre que la mise en service jusqu’à {asOf} ; celui du tableau TEI couvre tout l’horizon jusqu’à {end}, les mois après {asOf} au rythme actuel.")
    case .irrAbove:
      ("> 1,000% a year",
       "> 1\u{202F}000\u{202F}% par an")
    case .glossaryHeading:
      ("Words used here",
       "Les mots employés")
    case .glossaryTCOTerm:
      ("Total cost of ownership (TCO)",
       "Coût total de possession")
    case .glossaryTCO:
      ("Everything the CRM costs over its horizon: licences, installation, hardware, staff time, and every recurring fee to the horizon end.",
       "Tout ce que coûte le CRM sur son horizon : licences, mise en place, matériel, temps du personnel, et chaque abonnement jusqu’à la fin de l’horizon.")
    case .glossaryROITerm:
      ("Return on investment (ROI)",
       "Retour sur investissement (ROI)")
    case .glossaryROI:
      ("The extra profit the CRM brought, set against what it cost, as a percentage. Each ROI on this page says the span it covers.",
       "Le surcroît de marge apporté par le CRM, rapporté à ce qu’il a coûté, en pourcentage. Chaque ROI de cette page dit la période qu’il couvre.")
    case .glossaryPaybackTerm:
      ("Payback",
       "Délai de récupération")
    case .glossaryPayback:
      ("The month from which the CRM's running gains stay ahead of its running costs for good.",
       "Le mois à partir duquel les gains cumulés du CRM restent pour de bon au-dessus de ses coûts cumulés.")
    case .glossaryNoiseTerm:
      ("Noise band",
       "Bande de bruit")
    case .glossaryNoise:
      ("How much a month's figure varies by itself, measured on the months before go-live (twice their spread). A change inside it may be chance.",
       "Ce dont un mois varie de lui-même, mesuré sur les mois d’avant la mise en service (deux fois leur dispersion). Un écart à l’intérieur peut tenir au hasard.")
    case .glossaryBaselineTerm:
      ("Baseline",
       "Référence")
    case .glossaryBaseline:
      ("What a figure was before go-live, which each later month is compared with: the mean of those months, or, with the seasonal baseline, the same calendar month.",
       "Ce que valait un chiffre avant la mise en service, à quoi chaque mois suivant est comparé : la moyenne de ces mois, ou, avec la référence saisonnière, le même mois de l’année.")
    case .glossaryAttributionTerm:
      ("Attribution",
       "Attribution")
    case .glossaryAttribution:
      ("The share of a metric's change credited to the CRM, when something else (a price rise, a campaign) also moved it.",
       "La part de l’évolution d’un indicateur attribuée au CRM, quand autre chose (une hausse de prix, une campagne) l’a aussi fait bouger.")
    case .glossaryPresentValueTerm:
      ("Present value (NPV)",
       "Valeur actuelle (VAN)")
    case .glossaryPresentValue:
      ("A later amount counted at what it is worth today: money later is worth less, by the discount rate each year. The net present value (NPV) is the gains' present value less the costs'.",
       "Un montant futur compté à ce qu’il vaut aujourd’hui : l’argent plus tard vaut moins, du taux d’actualisation chaque année. La valeur actuelle nette (VAN) est celle des gains moins celle des coûts.")
    case .glossaryIRRTerm:
      ("Internal rate of return (IRR)",
       "Taux de rentabilité interne (TRI)")
    case .glossaryIRR:
      ("The yearly interest rate at which the CRM's gains exactly repay its costs. Above what money costs you, the CRM pays.",
       "Le taux d’intérêt annuel auquel les gains du CRM remboursent exactement ses coûts. Au-dessus de ce que vous coûte l’argent, le CRM est rentable.")
    case .glossaryTEITerm:
      ("TEI table",
       "Tableau TEI")
    case .glossaryTEI:
      ("Forrester's Total Economic Impact layout: costs and gains year by year over the horizon, the later years projected, with their present values.",
       "La présentation « Total Economic Impact » de Forrester : coûts et gains année par année sur l’horizon, les dernières années projetées, avec leurs valeurs actuelles.")
    case .formOrderAmount:
      ("an order amount of at most {maximum} {code}",
       "un montant de commande d’au plus {maximum} {code}")
    case .presetGeneric:
      ("generic (date, order, amount)",
       "générique (date, commande, montant)")
    case .dateOrderDayFirst:
      ("day first (31/12/2025)",
       "jour d’abord (31/12/2025)")
    case .dateOrderMonthFirst:
      ("month first (12/31/2025)",
       "mois d’abord (12/31/2025)")
    case .formAmountTooLarge:
      ("a smaller amount: one this large is not supported",
       "un montant plus petit\u{202F}: un montant aussi grand n’est pas pris en charge")
    case .kindRevenue:
      ("revenue",
       "chiffre d’affaires")
    case .kindCost:
      ("cost",
       "coût")
    case .kindCount:
      ("count",
       "nombre")
    case .kindKPI:
      ("kpi",
       "indicateur")
    case .kindHours:
      ("hours",
       "heures")
    case .controlNotPositive:
      ("control series '{control}' of '{metric}' is negative in {month}: the metric is compared with it as a ratio, which means nothing for a series below 0 or crossing it; choose a control that stays positive (a count, an amount), or unlink it with crm-roi metric set {control} --control-for none",
       "la série témoin « {control} » de « {metric} » est négative en {month} : l’indicateur lui est comparé par un rapport, qui n’a pas de sens pour une série sous 0 ou qui le traverse ; choisissez une série témoin qui reste positive (un nombre, un montant), ou détachez-la avec crm-roi metric set {control} --control-for none")
    case .objectiveControlled:
      ("{metric} is judged against what {control} says it would have been without the CRM; against the plain baseline its change is {change}.",
       "{metric} est jugé par rapport à ce que {control} indique qu’il aurait été sans le CRM ; par rapport à la référence simple, son évolution est de {change}.")
    case .warningStaleData:
      ("the latest figures are for {asOf}, more than 2 months before {lastComplete}, the last complete month: the report says nothing of the months since; log them, or import the latest exports",
       "les derniers chiffres sont de {asOf}, plus de 2 mois avant {lastComplete}, le dernier mois complet : le rapport ne dit rien des mois suivants ; saisissez-les, ou importez les derniers exports")
    case .checkPlanBenefitAfterHorizon:
      ("the planned benefit of {metric} starts in {from}, after the horizon end {end}; it counts in no figure",
       "le bénéfice prévu de {metric} commence en {from}, après la fin de l’horizon {end} ; il ne compte dans aucun chiffre")
    }
  }
}
